using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// A field that gives a reply its shape (a completion's <c>choices</c> array, a choice's
/// <c>message</c> object): <c>null</c> reads as absent, but a value of another JSON type means the
/// reply is not what the API defines, and reading it fails with a <see cref="JsonException"/> naming
/// the field, instead of reading as absent like a leaf value.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class ShapedConverter<T>(JsonConverter<T> inner, JsonTokenType shape, string field) : JsonConverter<T>
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != shape)
        {
            throw new JsonException($"{field} must be {(shape == JsonTokenType.StartArray ? "an array" : "an object")}, not {reader.TokenType}.");
        }

        return inner.Read(ref reader, typeToConvert, options);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);
}
