using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A web search the agent ran: <c>{"type":"search_results","queries","results"}</c>.</summary>
public sealed class AgentOutputSearchResults : AgentOutputItem
{
    /// <summary>Creates the item.</summary>
    public AgentOutputSearchResults()
        : base("search_results")
    {
    }

    /// <summary>The queries the agent searched for.</summary>
    [JsonPropertyName("queries")]
    public IList<string>? Queries { get; set; }

    /// <summary>What the search found.</summary>
    [JsonPropertyName("results")]
    public IList<AgentSearchResult>? Results { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
