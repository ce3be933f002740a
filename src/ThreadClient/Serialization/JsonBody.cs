using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>
    /// A body with a caller's extra fields: the modelled fields as the serializer writes them, then the
    /// extras, where extension data would have put them; an extra that repeats a modelled field
    /// replaces it (one rule for every provider's <c>AdditionalProperties</c> on requests).
    /// </summary>
    public static ByteArrayContent CreateWithExtras<T>(T value, JsonTypeInfo<T> typeInfo, IDictionary<string, JsonElement>? extras)
    {
        if (extras is not { Count: > 0 })
        {
            return Create(value, typeInfo);
        }

        var root = JsonSerializer.SerializeToNode(value, typeInfo)!.AsObject();
        MergeExtras(root, extras);
        return FromNode(root);
    }

    /// <summary>Writes the extras into the object, replacing a field of the same name.</summary>
    public static void MergeExtras(JsonObject target, IDictionary<string, JsonElement>? extras)
    {
        if (extras is null)
        {
            return;
        }

        foreach (var (name, value) in extras)
        {
            target[name] = JsonNode.Parse(value.GetRawText());
        }
    }

    public static ByteArrayContent FromNode(JsonNode root)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            root.WriteTo(writer);
        }

        return FromUtf8(buffer.WrittenSpan.ToArray());
    }
}
