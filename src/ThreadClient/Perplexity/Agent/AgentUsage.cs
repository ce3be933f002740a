using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Tokens and cost of an Agent API response (<c>ResponsesUsage</c>).</summary>
public sealed class AgentUsage
{
    /// <summary>Tokens read.</summary>
    [JsonPropertyName("input_tokens")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? InputTokens { get; set; }

    /// <summary>Tokens written.</summary>
    [JsonPropertyName("output_tokens")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? OutputTokens { get; set; }

    /// <summary>All tokens.</summary>
    [JsonPropertyName("total_tokens")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalTokens { get; set; }

    /// <summary>How the input tokens split between cache writes and cache reads.</summary>
    [JsonPropertyName("input_tokens_details")]
    public AgentInputTokensDetails? InputTokensDetails { get; set; }

    /// <summary>What the response cost.</summary>
    [JsonPropertyName("cost")]
    public AgentCost? Cost { get; set; }

    /// <summary>How often each tool ran, by tool name (<c>{"web_search":{"invocation":2}}</c>).</summary>
    [JsonPropertyName("tool_calls_details")]
    public IDictionary<string, AgentToolCallDetails>? ToolCallsDetails { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
