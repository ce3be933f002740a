using System.Text.Json;
using System.Text.Json.Serialization;

using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A web search the agent ran: <c>{"type":"search_results","queries","results"}</c>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputSearchResults>))]
public sealed class AgentOutputSearchResults : AgentOutputItem, IWireModel<AgentOutputSearchResults>
{
    private static readonly JsonFields<AgentOutputSearchResults> Table = new JsonFields<AgentOutputSearchResults>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (_, _) => { })
        .Add("queries", Wire.Strings, static x => x.Queries, static (x, v) => x.Queries = v)
        .Add("results", Wire.ListOf<AgentSearchResult>(), static x => x.Results, static (x, v) => x.Results = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Creates the item.</summary>
    public AgentOutputSearchResults()
        : base("search_results")
    {
    }

    /// <summary>The queries the agent searched for.</summary>
    public IList<string>? Queries { get; set; }

    /// <summary>What the search found.</summary>
    public IList<AgentSearchResult>? Results { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentOutputSearchResults> IWireModel<AgentOutputSearchResults>.Fields => Table;
}
