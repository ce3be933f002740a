using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ThreadClient.Serialization;

/// <summary>Request bodies serialized once, up front, so every attempt sends the same bytes.</summary>
internal static class JsonBody
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    public static ByteArrayContent Create<T>(T value, JsonTypeInfo<T> typeInfo) =>
        FromUtf8(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static ByteArrayContent FromUtf8(byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }
}
