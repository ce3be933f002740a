using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The cost of one completion, in US dollars. Other cost lines the service adds stay in <see cref="AdditionalProperties"/>.</summary>
public sealed class UsageCost
{
    /// <summary>Cost of the input tokens.</summary>
    [JsonPropertyName("input_tokens_cost")]
    public double? InputTokensCost { get; set; }

    /// <summary>Cost of the output tokens.</summary>
    [JsonPropertyName("output_tokens_cost")]
    public double? OutputTokensCost { get; set; }

    /// <summary>The per-request fee, when reported.</summary>
    [JsonPropertyName("request_cost")]
    public double? RequestCost { get; set; }

    /// <summary>The total.</summary>
    [JsonPropertyName("total_cost")]
    public double? TotalCost { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
