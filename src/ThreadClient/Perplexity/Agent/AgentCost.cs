using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>What an Agent API response cost (<c>ResponsesCost</c>), in <see cref="Currency"/>.</summary>
public sealed class AgentCost
{
    /// <summary>The cost of the input tokens.</summary>
    [JsonPropertyName("input_cost")]
    public double? InputCost { get; set; }

    /// <summary>The cost of the output tokens.</summary>
    [JsonPropertyName("output_cost")]
    public double? OutputCost { get; set; }

    /// <summary>The cost of the tool calls (searches, fetches).</summary>
    [JsonPropertyName("tool_calls_cost")]
    public double? ToolCallsCost { get; set; }

    /// <summary>The cost of cache writes.</summary>
    [JsonPropertyName("cache_creation_cost")]
    public double? CacheCreationCost { get; set; }

    /// <summary>The cost of cache reads.</summary>
    [JsonPropertyName("cache_read_cost")]
    public double? CacheReadCost { get; set; }

    /// <summary>Everything together.</summary>
    [JsonPropertyName("total_cost")]
    public double? TotalCost { get; set; }

    /// <summary>The currency, <c>USD</c>.</summary>
    [JsonPropertyName("currency")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Currency { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
