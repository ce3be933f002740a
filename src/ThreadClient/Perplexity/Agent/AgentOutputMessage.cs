using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>An assistant message: <c>{"type":"message","id","role","status","content":[{"type":"output_text","text","annotations"}]}</c>.</summary>
public sealed class AgentOutputMessage : AgentOutputItem
{
    /// <summary>Creates the item.</summary>
    public AgentOutputMessage()
        : base("message")
    {
    }

    /// <summary>The item id.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Id { get; set; }

    /// <summary>The role, <c>assistant</c>.</summary>
    [JsonPropertyName("role")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Role { get; set; }

    /// <summary>The item's status.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Status { get; set; }

    /// <summary>The content parts.</summary>
    [JsonPropertyName("content")]
    public IList<AgentOutputContent>? Content { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
