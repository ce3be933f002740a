using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Reads a thread's <c>metadata</c> object, each value as it came; anything but an object reads as absent.</summary>
internal sealed class ThreadMetadataConverter : JsonConverter<ThreadMetadata?>
{
    public static readonly ThreadMetadataConverter Instance = new();

    public override bool HandleNull => true;

    public override ThreadMetadata? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var metadata = new ThreadMetadata();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            metadata[name] = new MetadataValue(JsonElement.ParseValue(ref reader));
        }

        return metadata;
    }

    public override void Write(Utf8JsonWriter writer, ThreadMetadata? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, entry) in value)
        {
            writer.WritePropertyName(name);
            MetadataValueConverter.WriteValue(writer, entry);
        }

        writer.WriteEndObject();
    }
}
