using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Writes each <see cref="AgentTool"/> as its own type (requests are only written).</summary>
internal sealed class AgentToolConverter : JsonConverter<AgentTool>
{
    public override AgentTool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("AgentTool is written, not read.");

    public override void Write(Utf8JsonWriter writer, AgentTool value, JsonSerializerOptions options) => value.Write(writer);
}
