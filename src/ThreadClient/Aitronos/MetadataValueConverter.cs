using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Reads any JSON value into a <see cref="MetadataValue"/> and writes it back unchanged.</summary>
internal sealed class MetadataValueConverter : JsonConverter<MetadataValue>
{
    public override MetadataValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new MetadataValue(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, MetadataValue value, JsonSerializerOptions options)
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
