using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A call the model asks you to make: <c>{"type":"function_call","id","call_id","name","arguments","status"}</c>.
/// Run it and send an <see cref="AgentInputFunctionCallOutput"/> with the same <see cref="CallId"/>.
/// </summary>
public sealed class AgentOutputFunctionCall : AgentOutputItem
{
    /// <summary>Creates the item.</summary>
    public AgentOutputFunctionCall()
        : base("function_call")
    {
    }

    /// <summary>The item id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The call id to answer with.</summary>
    [JsonPropertyName("call_id")]
    public string? CallId { get; set; }

    /// <summary>The function's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The arguments, as the JSON text the model wrote.</summary>
    [JsonPropertyName("arguments")]
    public string? Arguments { get; set; }

    /// <summary>The item's status.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Status { get; set; }

    /// <summary>The provider's signature of the call (send it back unchanged).</summary>
    [JsonPropertyName("thought_signature")]
    public string? ThoughtSignature { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
