using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Pages the agent fetched: <c>{"type":"fetch_url_results","contents":[{url,title,snippet}]}</c>.</summary>
public sealed class AgentOutputFetchUrlResults : AgentOutputItem
{
    /// <summary>Creates the item.</summary>
    public AgentOutputFetchUrlResults()
        : base("fetch_url_results")
    {
    }

    /// <summary>The pages.</summary>
    [JsonPropertyName("contents")]
    public IList<AgentUrlContent>? Contents { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
