using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Writes an <see cref="AgentInput"/> as the string or the item array it holds (requests are only written).</summary>
internal sealed class AgentInputConverter : JsonConverter<AgentInput>
{
    public override AgentInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("AgentInput is written, not read.");

    public override void Write(Utf8JsonWriter writer, AgentInput value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value.Items)
        {
            item.Write(writer);
        }

        writer.WriteEndArray();
    }
}
