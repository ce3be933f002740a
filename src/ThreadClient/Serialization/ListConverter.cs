using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>A JSON array of one kind of value; a null element is left out, and anything but an array reads as absent.</summary>
/// <typeparam name="TItem">The element type.</typeparam>
internal sealed class ListConverter<TItem>(JsonConverter<TItem> item) : JsonConverter<IList<TItem>?>
{
    public override bool HandleNull => true;

    public override IList<TItem>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<TItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null && !item.HandleNull)
            {
                continue;
            }

            if (item.Read(ref reader, typeof(TItem), options) is { } value)
            {
                list.Add(value);
            }
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IList<TItem>? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var element in value)
        {
            if (element is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                item.Write(writer, element, options);
            }
        }

        writer.WriteEndArray();
    }
}
