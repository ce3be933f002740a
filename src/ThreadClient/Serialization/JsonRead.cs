using System.Globalization;
using System.Text.Json;

namespace ThreadClient.Serialization;

/// <summary>
/// Tolerant reads from a JSON object: the first of several spellings that is present, of the kind
/// expected; anything else counts as absent rather than failing the whole reply.
/// </summary>
internal static class JsonRead
{
    public static bool TryGet(JsonElement obj, string name, string altName, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            || (obj.TryGetProperty(altName, out value) && value.ValueKind != JsonValueKind.Null);
    }

    public static string? String(JsonElement obj, string name, string? altName = null) =>
        TryGet(obj, name, altName ?? name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static long? Int64(JsonElement obj, string name, string? altName = null)
    {
        if (!TryGet(obj, name, altName ?? name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        // A whole number written with a fraction (45.0), as LenientInt64Converter reads it.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var real))
        {
            return LenientInt64Converter.Whole(real);
        }

        return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static bool? Boolean(JsonElement obj, string name, string? altName = null) =>
        TryGet(obj, name, altName ?? name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
                _ => null,
            }
            : null;

    /// <summary>A timestamp sent as an ISO 8601 string or as unix seconds (or milliseconds, when too large for seconds).</summary>
    public static DateTimeOffset? Time(JsonElement obj, string name, string? altName = null)
    {
        if (!TryGet(obj, name, altName ?? name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var unix))
        {
            return unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                return parsed;
            }

            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out unix))
            {
                return DateTimeOffset.FromUnixTimeSeconds(unix);
            }
        }

        return null;
    }
}
