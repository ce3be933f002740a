using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Reads and writes message content that is either a JSON string or an array of parts.</summary>
internal sealed class ChatContentConverter : JsonConverter<ChatContent>
{
    public static readonly ChatContentConverter Instance = new();

    public override ChatContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return new ChatContent(reader.GetString()!);
            case JsonTokenType.StartArray:
                var parts = JsonSerializer.Deserialize(ref reader, PerplexityJsonContext.Default.ListChatContentPart) ?? [];
                return new ChatContent(parts);
            default:
                throw new JsonException($"Message content must be a string or an array of parts, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ChatContent value, JsonSerializerOptions options)
    {
        if (value.Parts is { } parts)
        {
            JsonSerializer.Serialize(writer, parts, PerplexityJsonContext.Default.IListChatContentPart);
        }
        else
        {
            writer.WriteStringValue(value.Text);
        }
    }
}
