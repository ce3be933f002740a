using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ThreadClient.Benchmarks.Contenders;

/// <summary>What the hand-written contenders share: the request they send, and the floor's read of an event's delta.</summary>
public static class RawHttp
{
    /// <summary>A POST of source-generated JSON with a bearer key.</summary>
    public static HttpRequestMessage Post<T>(Uri endpoint, T body, JsonTypeInfo<T> type)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "key");
        return message;
    }

    /// <summary>The floor: an event's top-level <c>delta</c> string read with <see cref="Utf8JsonReader"/>, nothing else materialized.</summary>
    public static string? TopLevelDelta(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("delta"u8))
            {
                reader.Read();
                return reader.GetString();
            }
        }

        return null;
    }
}
