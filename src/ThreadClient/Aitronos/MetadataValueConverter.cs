using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Reads any JSON value into a <see cref="MetadataValue"/> and writes it back unchanged.</summary>
internal sealed class MetadataValueConverter : JsonConverter<MetadataValue>
{
    public override MetadataValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return new MetadataValue(JsonElement.ParseValue(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, MetadataValue value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes the value as it came (<c>null</c> for a default value).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, MetadataValue value)
    {
        if (value.Kind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.Json.WriteTo(writer);
        }
    }
}
