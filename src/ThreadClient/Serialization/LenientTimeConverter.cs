using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// Reads a timestamp sent as an ISO 8601 string, as unix seconds (or milliseconds, when too large for
/// seconds), or as unix seconds in a string; anything else reads as absent. Written as ISO 8601.
/// </summary>
internal sealed class LenientTimeConverter : JsonConverter<DateTimeOffset?>
{
    private const long LargestSeconds = 100_000_000_000;

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var unix) ? FromUnix(unix) : null;
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var exact))
                {
                    return exact.ToUniversalTime();
                }

                var text = reader.GetString();
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return parsed;
                }

                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } time)
        {
            writer.WriteStringValue(time);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset? FromUnix(long unix) =>
        unix > LargestSeconds
            ? unix <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : null
            : unix >= DateTimeOffset.MinValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;
}
