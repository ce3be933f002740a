using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Benchmarks.Contenders;

/// <summary>A hand-written Agent API client: one shared HttpClient, source-generated JSON, typed records for what it reads.</summary>
public sealed class RawAgentClient(HttpClient http)
{
    private static readonly Uri Endpoint = new("https://api.perplexity.ai/v1/responses");

    public async Task<string> CreateAsync(string question)
    {
        using var response = await SendAsync(question, stream: false);
        await using var body = await response.Content.ReadAsStreamAsync();
        var result = (await JsonSerializer.DeserializeAsync(body, RawAgentJson.Default.RawAgentResponse))!;
        var text = new StringBuilder();
        foreach (var item in result.Output)
        {
            if (item.Type == "message" && item.Content is { } parts)
            {
                foreach (var part in parts)
                {
                    text.Append(part.Text);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>SseParser with JsonSerializer per event; folds the deltas.</summary>
    public async Task<string> StreamWithSerializerAsync(string question)
    {
        using var response = await SendAsync(question, stream: true);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (_, data) => JsonSerializer.Deserialize(data, RawAgentJson.Default.RawAgentEvent)).EnumerateAsync())
        {
            if (item.Data is { Type: "response.output_text.delta" } delta)
            {
                text.Append(delta.Delta);
            }
        }

        return text.ToString();
    }

    /// <summary>The floor: each event read with Utf8JsonReader, only the delta text materialized.</summary>
    public async Task<string> StreamWithReaderAsync(string question)
    {
        using var response = await SendAsync(question, stream: true);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (type, data) => type == "response.output_text.delta" ? RawHttp.TopLevelDelta(data) : null).EnumerateAsync())
        {
            text.Append(item.Data);
        }

        return text.ToString();
    }

    private async Task<HttpResponseMessage> SendAsync(string question, bool stream)
    {
        var request = new RawAgentRequest(question, "perplexity/sonar", stream ? true : null);
        using var message = RawHttp.Post(Endpoint, request, RawAgentJson.Default.RawAgentRequest);
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }
}

public sealed record RawAgentRequest([property: JsonPropertyName("input")] string Input, [property: JsonPropertyName("model")] string Model, [property: JsonPropertyName("stream")] bool? Stream);

public sealed record RawAgentResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output")] RawAgentItem[] Output,
    [property: JsonPropertyName("usage")] RawAgentUsage? Usage);

public sealed record RawAgentItem([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("content")] RawAgentPart[]? Content);

public sealed record RawAgentPart([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("text")] string? Text);

public sealed record RawAgentUsage([property: JsonPropertyName("input_tokens")] int InputTokens, [property: JsonPropertyName("output_tokens")] int OutputTokens);

public sealed record RawAgentEvent([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("delta")] string? Delta);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawAgentRequest))]
[JsonSerializable(typeof(RawAgentResponse))]
[JsonSerializable(typeof(RawAgentEvent))]
internal sealed partial class RawAgentJson : JsonSerializerContext;
