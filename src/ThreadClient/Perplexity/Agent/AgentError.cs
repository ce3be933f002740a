using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Why an Agent API response failed (<c>ErrorInfo</c>).</summary>
public sealed class AgentError
{
    /// <summary>The error code, as text.</summary>
    [JsonPropertyName("code")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Code { get; set; }

    /// <summary>What went wrong.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The error type.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
