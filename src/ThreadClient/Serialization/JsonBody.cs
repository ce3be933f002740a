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

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static ByteArrayContent Create<T>(T value, JsonTypeInfo<T> typeInfo) => FromUtf8(Write(value, typeInfo));

    /// <summary>
    /// The value's JSON as sent: UTF-8 without <c>\uXXXX</c> escapes for non-ASCII text (as the
    /// official TypeScript SDK sends it; escaping made a non-ASCII message 40 % larger and counted
    /// metadata at three times its size), written through a buffer reused per thread.
    /// </summary>
    public static byte[] Write<T>(T value, JsonTypeInfo<T> typeInfo) =>
        Write((value, typeInfo), static (writer, body) => JsonSerializer.Serialize(writer, body.value, body.typeInfo));

    /// <summary>JSON written by <paramref name="write"/> (a hand-written body), through the same per-thread buffer and escaping.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, Wire.WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        write(writer, state);
        writer.Flush();
        var json = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1024 * 1024)
        {
            // A very large body once should not keep a megabyte per thread for ever.
            t_buffer = null;
            t_writer = null;
        }

        return json;
    }

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
        using (var writer = new Utf8JsonWriter(buffer, Wire.WriterOptions))
        {
            root.WriteTo(writer);
        }

        return FromUtf8(buffer.WrittenSpan.ToArray());
    }
}
