using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The answer to <see cref="PerplexityAgentClient.CancelResponseAsync"/>: <c>{"response_id","status":"cancelling"}</c>.</summary>
public sealed class AgentCancellation
{
    /// <summary>The response being cancelled.</summary>
    [JsonPropertyName("response_id")]
    public string? ResponseId { get; set; }

    /// <summary><c>cancelling</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }
}
