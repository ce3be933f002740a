using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Benchmarks.Contenders;

/// <summary>A hand-written Aitronos streaming client: one shared HttpClient, source-generated JSON, typed records for what it reads.</summary>
public sealed class RawAitronosClient(HttpClient http)
{
    private static readonly Uri Endpoint = new("https://api.aitronos.com/v1/model/response");

    /// <summary>SseParser with JsonSerializer per event; folds the deltas.</summary>
    public async Task<string> StreamWithSerializerAsync(string question)
    {
        using var response = await SendAsync(question);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, RawAitronosJson.Default.RawAitronosEvent)).EnumerateAsync())
        {
            if (item.EventType == "response.content_delta")
            {
                text.Append(item.Data?.Delta);
            }
        }

        return text.ToString();
    }

    /// <summary>The floor: each delta event read with Utf8JsonReader, only the delta text materialized.</summary>
    public async Task<string> StreamWithReaderAsync(string question)
    {
        using var response = await SendAsync(question);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (type, data) => type == "response.content_delta" ? RawHttp.TopLevelDelta(data) : null).EnumerateAsync())
        {
            text.Append(item.Data);
        }

        return text.ToString();
    }

    private async Task<HttpResponseMessage> SendAsync(string question)
    {
        var request = new RawAitronosRequest("gpt-4.1", "thread_user123_session1", [new RawAitronosInput("user", [new RawAitronosText(question)])], true);
        using var message = RawHttp.Post(Endpoint, request, RawAitronosJson.Default.RawAitronosRequest);
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }
}

public sealed record RawAitronosRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("thread")] string Thread,
    [property: JsonPropertyName("inputs")] RawAitronosInput[] Inputs,
    [property: JsonPropertyName("stream")] bool Stream);

public sealed record RawAitronosInput([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("texts")] RawAitronosText[] Texts);

public sealed record RawAitronosText([property: JsonPropertyName("text")] string Text);

public sealed record RawAitronosEvent([property: JsonPropertyName("delta")] string? Delta);

[JsonSerializable(typeof(RawAitronosRequest))]
[JsonSerializable(typeof(RawAitronosEvent))]
internal sealed partial class RawAitronosJson : JsonSerializerContext;
