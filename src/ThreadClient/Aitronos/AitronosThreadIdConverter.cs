using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>Reads a reply's <c>thread</c>: the thread id itself, or the thread as an object with its <c>id</c>. Written as the id.</summary>
internal sealed class AitronosThreadIdConverter : JsonConverter<string?>
{
    public static readonly AitronosThreadIdConverter Instance = new();

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Wire.Text.Read(ref reader, typeToConvert, options);
        }

        string? id = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isId)
            {
                id = Wire.Text.Read(ref reader, typeToConvert, options);
            }
            else
            {
                reader.Skip();
            }
        }

        return id;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => Wire.Text.Write(writer, value, options);
}
