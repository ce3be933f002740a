using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// One thread metadata value: usually text, but the service also stores numbers and booleans
/// (<c>"rating": 5</c>). Strings, numbers and booleans convert to it implicitly.
/// </summary>
[JsonConverter(typeof(MetadataValueConverter))]
public readonly struct MetadataValue : IEquatable<MetadataValue>
{
    private readonly JsonElement _json;

    /// <summary>Wraps a JSON value as the service sent it.</summary>
    /// <param name="json">The value.</param>
    public MetadataValue(JsonElement json) => _json = json.Clone();

    /// <summary>The value as JSON.</summary>
    public JsonElement Json => _json;

    /// <summary>The value's kind (string, number, true, false, ...).</summary>
    public JsonValueKind Kind => _json.ValueKind;

    /// <summary>Converts text.</summary>
    /// <param name="value">The text.</param>
    public static implicit operator MetadataValue(string value) => FromString(value);

    /// <summary>Converts a whole number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MetadataValue(long value) => FromInt64(value);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MetadataValue(double value) => FromDouble(value);

    /// <summary>Converts a boolean.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator MetadataValue(bool value) => FromBoolean(value);

    /// <summary>Compares two values by their JSON text.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(MetadataValue left, MetadataValue right) => left.Equals(right);

    /// <summary>Compares two values by their JSON text.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(MetadataValue left, MetadataValue right) => !left.Equals(right);

    /// <summary>Creates a text value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static MetadataValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new MetadataValue(JsonSerializer.SerializeToElement(value, AitronosJsonContext.Default.String));
    }

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static MetadataValue FromInt64(long value) => new(JsonSerializer.SerializeToElement(value, AitronosJsonContext.Default.Int64));

    /// <summary>Creates a number value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static MetadataValue FromDouble(double value) => new(JsonSerializer.SerializeToElement(value, AitronosJsonContext.Default.Double));

    /// <summary>Creates a boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value.</returns>
    public static MetadataValue FromBoolean(bool value) => new(JsonSerializer.SerializeToElement(value, AitronosJsonContext.Default.Boolean));

    /// <summary>The text of a string value, or the JSON text of any other value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _json.ValueKind switch
    {
        JsonValueKind.String => _json.GetString() ?? "",
        JsonValueKind.Undefined => "",
        _ => _json.GetRawText(),
    };

    /// <inheritdoc />
    public bool Equals(MetadataValue other) => _json.ValueKind == other._json.ValueKind && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetadataValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_json.ValueKind, ToString());
}
