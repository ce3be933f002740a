using System.Text.Json;
using System.Text.Json.Serialization;

using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Pages the agent fetched: <c>{"type":"fetch_url_results","contents":[{url,title,snippet}]}</c>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputFetchUrlResults>))]
public sealed class AgentOutputFetchUrlResults : AgentOutputItem, IWireModel<AgentOutputFetchUrlResults>
{
    private static readonly JsonFields<AgentOutputFetchUrlResults> Table = new JsonFields<AgentOutputFetchUrlResults>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (_, _) => { })
        .Add("contents", Wire.ListOf<AgentUrlContent>(), static x => x.Contents, static (x, v) => x.Contents = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Creates the item.</summary>
    public AgentOutputFetchUrlResults()
        : base("fetch_url_results")
    {
    }

    /// <summary>The pages.</summary>
    public IList<AgentUrlContent>? Contents { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentOutputFetchUrlResults> IWireModel<AgentOutputFetchUrlResults>.Fields => Table;
}
