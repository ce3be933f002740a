using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// Reads the text in the shapes Aitronos has used for it: a string, <c>[{"text"}]</c>,
/// <c>[{"content":[...]}]</c> or <c>{"texts":[...]}</c> (parts joined); or, as
/// <see cref="FirstChoice"/>, the chat-completion shape <c>choices[].message.content</c>. A shape with
/// no text in it reads as absent. Written as a plain string.
/// </summary>
internal sealed class AitronosTextConverter : JsonConverter<string?>
{
    /// <summary>Text in any of its shapes.</summary>
    public static readonly AitronosTextConverter Any = new(choices: false);

    /// <summary>The text of the first choice whose message has content.</summary>
    public static readonly AitronosTextConverter FirstChoice = new(choices: true);

    private readonly bool _choices;

    private AitronosTextConverter(bool choices) => _choices = choices;

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _choices ? Choices(ref reader) : Of(ref reader);

    /// <summary>The text of a field kept as it came; <see langword="null"/> when absent or it holds none.</summary>
    public string? Of(JsonElement? element)
    {
        if (element is not { } value)
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return Read(ref reader, typeof(string), Serialization.Wire.Options);
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string? Of(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                string? first = null;
                StringBuilder? joined = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (Of(ref reader) is not { } part)
                    {
                        continue;
                    }

                    if (first is null)
                    {
                        first = part;
                    }
                    else
                    {
                        (joined ??= new StringBuilder(first)).Append(part);
                    }
                }

                return joined?.ToString() ?? first;
            case JsonTokenType.StartObject:
                // The first of text, content and texts that holds text, whatever order they come in.
                string? best = null;
                var bestRank = int.MaxValue;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var rank = reader.ValueTextEquals("text"u8) ? 0 : reader.ValueTextEquals("content"u8) ? 1 : reader.ValueTextEquals("texts"u8) ? 2 : -1;
                    reader.Read();
                    if (rank >= 0 && rank < bestRank && Of(ref reader) is { } found)
                    {
                        (best, bestRank) = (found, rank);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return best;
            default:
                return null;
        }
    }

    private static string? Choices(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? text = null;
        var found = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (found || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (!isMessage || found || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isContent = reader.ValueTextEquals("content"u8);
                    reader.Read();
                    if (isContent && reader.TokenType != JsonTokenType.Null && !found)
                    {
                        text = Of(ref reader);
                        found = true;
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        return text;
    }
}
