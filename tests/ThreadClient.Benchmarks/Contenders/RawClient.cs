using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Benchmarks.Contenders;

/// <summary>What a careful developer writes by hand: one shared HttpClient, source-generated JSON, typed records.</summary>
public sealed class RawClient
{
    private readonly Uri _endpoint;
    private readonly HttpClient _http;

    public RawClient(HttpClient http, Uri? baseAddress = null)
    {
        _http = http;
        _endpoint = new Uri(baseAddress ?? new Uri("https://api.perplexity.ai/"), "chat/completions");
    }

    public async Task<RawCompletion> CompleteAsync(string question, string? threadId)
    {
        var request = new RawRequest("sonar-pro", true, threadId, [new RawMessage("user", question)], null);
        using var message = RawHttp.Post(_endpoint, request, RawJson.Default.RawRequest);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return (await JsonSerializer.DeserializeAsync(body, RawJson.Default.RawCompletion))!;
    }

    /// <summary>Streams with SseParser and deserializes each chunk with JsonSerializer; folds the deltas.</summary>
    public async Task<string> StreamWithSerializerAsync(string question)
    {
        using var response = await SendStreamAsync(question);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, RawJson.Default.RawChunk)).EnumerateAsync())
        {
            if (item.Data is { Choices.Length: > 0 } chunk)
            {
                text.Append(chunk.Choices[0].Delta?.Content);
            }
        }

        return text.ToString();
    }

    /// <summary>The floor: each event read with Utf8JsonReader, only the delta text materialized.</summary>
    public async Task<string> StreamWithReaderAsync(string question)
    {
        using var response = await SendStreamAsync(question);
        await using var body = await response.Content.ReadAsStreamAsync();
        var text = new StringBuilder();
        await foreach (var item in SseParser.Create(body, static (_, data) => DeltaOf(data)).EnumerateAsync())
        {
            text.Append(item.Data);
        }

        return text.ToString();
    }

    private static string? DeltaOf(ReadOnlySpan<byte> data)
    {
        if (data.SequenceEqual("[DONE]"u8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(data);
        var depth = 0;
        var inDelta = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    inDelta = false;
                    break;
                case JsonTokenType.PropertyName when reader.ValueTextEquals("delta"u8):
                    inDelta = true;
                    break;
                case JsonTokenType.PropertyName when reader.ValueTextEquals("message"u8) || (depth == 1 && !reader.ValueTextEquals("choices"u8)):
                    reader.Read();
                    reader.Skip();
                    break;
                case JsonTokenType.PropertyName when inDelta && reader.ValueTextEquals("content"u8):
                    reader.Read();
                    return reader.GetString();
            }
        }

        return null;
    }

    private async Task<HttpResponseMessage> SendStreamAsync(string question)
    {
        var request = new RawRequest("sonar-pro", true, null, [new RawMessage("user", question)], true);
        var message = RawHttp.Post(_endpoint, request, RawJson.Default.RawRequest);
        var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }
}

public sealed record RawRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("use_threads")] bool UseThreads,
    [property: JsonPropertyName("thread_id")] string? ThreadId,
    [property: JsonPropertyName("messages")] RawMessage[] Messages,
    [property: JsonPropertyName("stream")] bool? Stream);

public sealed record RawMessage([property: JsonPropertyName("role")] string Role, [property: JsonPropertyName("content")] string? Content);

public sealed record RawChoice([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("message")] RawMessage? Message, [property: JsonPropertyName("delta")] RawMessage? Delta, [property: JsonPropertyName("finish_reason")] string? FinishReason);

public sealed record RawUsage([property: JsonPropertyName("prompt_tokens")] int PromptTokens, [property: JsonPropertyName("completion_tokens")] int CompletionTokens, [property: JsonPropertyName("total_tokens")] int TotalTokens);

public sealed record RawCompletion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] RawChoice[] Choices,
    [property: JsonPropertyName("usage")] RawUsage? Usage,
    [property: JsonPropertyName("thread_id")] string? ThreadId);

public sealed record RawChunk(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("choices")] RawChoice[] Choices,
    [property: JsonPropertyName("usage")] RawUsage? Usage,
    [property: JsonPropertyName("thread_id")] string? ThreadId);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RawRequest))]
[JsonSerializable(typeof(RawCompletion))]
[JsonSerializable(typeof(RawChunk))]
internal sealed partial class RawJson : JsonSerializerContext;
