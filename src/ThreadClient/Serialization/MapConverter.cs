using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>A JSON object used as a map from names to one kind of value; anything but an object reads as absent.</summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class MapConverter<TValue>(JsonConverter<TValue> value) : JsonConverter<IDictionary<string, TValue>?>
{
    public override bool HandleNull => true;

    public override IDictionary<string, TValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, TValue>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && !value.HandleNull)
            {
                continue;
            }

            if (value.Read(ref reader, typeof(TValue), options) is { } read)
            {
                map[name] = read;
            }
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, TValue>? map, JsonSerializerOptions options)
    {
        if (map is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var (name, entry) in map)
        {
            writer.WritePropertyName(name);
            if (entry is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.Write(writer, entry, options);
            }
        }

        writer.WriteEndObject();
    }
}
