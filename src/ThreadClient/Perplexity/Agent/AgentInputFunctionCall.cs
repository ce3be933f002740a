using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A function call the model made earlier, replayed as input: <c>{"type":"function_call","call_id","name","arguments"}</c>.</summary>
public sealed class AgentInputFunctionCall : AgentInputItem
{
    /// <summary>Creates the item.</summary>
    public AgentInputFunctionCall()
        : base("function_call")
    {
    }

    /// <summary>The call id the model gave the call.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; set; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>The arguments, as the JSON text the model wrote.</summary>
    [JsonPropertyName("arguments")]
    public required string Arguments { get; set; }

    /// <summary>The provider's signature of the call, when the model gave one (send it back unchanged).</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; set; }

    internal override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, AgentJsonContext.Default.AgentInputFunctionCall);
}
