using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// Reads a count or a timestamp however a service writes it: an integer, a whole number written with
/// a fraction (<c>45.0</c>), or digits in a string; anything else reads as absent instead of failing the reply.
/// </summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return reader.TryGetDouble(out var number) ? Whole(number) : null;
            case JsonTokenType.String:
                var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
                return Utf8Parser.TryParse(span, out long parsed, out var consumed) && consumed == span.Length ? parsed : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>A number written with a fraction that is whole (<c>45.0</c>); <see langword="null"/> for a real fraction or one out of range.</summary>
    internal static long? Whole(double number) =>
        double.IsFinite(number) && number == Math.Floor(number) && number is >= long.MinValue and <= long.MaxValue ? (long)number : null;
}
