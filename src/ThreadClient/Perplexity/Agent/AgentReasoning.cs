using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Reasoning settings of an <see cref="AgentRequest"/>.</summary>
public sealed class AgentReasoning
{
    /// <summary>How hard the model thinks: <c>minimal</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>xhigh</c>.</summary>
    [JsonPropertyName("effort")]
    public string? Effort { get; set; }
}
