using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How an Agent API response's input tokens split between the prompt cache's writes and reads.</summary>
public sealed class AgentInputTokensDetails
{
    /// <summary>Input tokens written to the cache.</summary>
    [JsonPropertyName("cache_creation_input_tokens")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? CacheCreationInputTokens { get; set; }

    /// <summary>Input tokens read from the cache.</summary>
    [JsonPropertyName("cache_read_input_tokens")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? CacheReadInputTokens { get; set; }
}
