using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A fetched page.</summary>
public sealed class AgentUrlContent
{
    /// <summary>The page URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>What was read of it.</summary>
    [JsonPropertyName("snippet")]
    public string? Snippet { get; set; }
}
