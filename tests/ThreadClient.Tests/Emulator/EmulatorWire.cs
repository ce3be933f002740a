using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ThreadClient.Testing;

namespace ThreadClient.Tests.Emulator;

/// <summary>Raw HTTP to the emulator, as a client in another language would send it: any method, any body, the answer as JSON.</summary>
internal sealed class EmulatorWire : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorWire(ThreadsEmulator emulator)
    {
        _http = new HttpClient { BaseAddress = emulator.BaseAddress };
        _http.DefaultRequestHeaders.Add("Authorization", "Bearer wire-key");
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public async Task<JsonNode> OkAsync(string method, string path, string? json = null)
    {
        var (status, body, _) = await SendAsync(method, path, json);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>A Perplexity chat completion body with one user message.</summary>
    public static string Chat(string text, string extra = "") =>
        $$"""{"model":"sonar-pro","messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";

    /// <summary>An Aitronos model response body with one user input.</summary>
    public static string Model(string text, string extra = "") =>
        $$"""{"model":"ftg-3.0","inputs":[{"role":"user","texts":[{"text":"{{text}}"}]}]{{extra}}}""";

    public void Dispose() => _http.Dispose();
}
