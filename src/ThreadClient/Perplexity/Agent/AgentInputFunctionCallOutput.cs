using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The result of a function call, sent back to the model: <c>{"type":"function_call_output","call_id","output"}</c>.</summary>
public sealed class AgentInputFunctionCallOutput : AgentInputItem
{
    /// <summary>Creates the item.</summary>
    public AgentInputFunctionCallOutput()
        : base("function_call_output")
    {
    }

    /// <summary>The id of the call this answers.</summary>
    [JsonPropertyName("call_id")]
    public required string CallId { get; set; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>What the function returned, as text (often JSON).</summary>
    [JsonPropertyName("output")]
    public required string Output { get; set; }

    /// <summary>The signature of the call, when the model gave one.</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; set; }

    internal override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, AgentJsonContext.Default.AgentInputFunctionCallOutput);
}
