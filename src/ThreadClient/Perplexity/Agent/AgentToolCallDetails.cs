using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How often one tool ran for a response, and what it cost.</summary>
[JsonConverter(typeof(WireModelConverter<AgentToolCallDetails>))]
public sealed class AgentToolCallDetails : IWireModel<AgentToolCallDetails>
{
    private static readonly JsonFields<AgentToolCallDetails> Table = new JsonFields<AgentToolCallDetails>(static () => new())
        .Add("invocation", Wire.Int64, static x => x.Invocation, static (x, v) => x.Invocation = v)
        .Add("cost_usd", Wire.Double, static x => x.CostUsd, static (x, v) => x.CostUsd = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The number of invocations.</summary>
    public long? Invocation { get; set; }

    /// <summary>What this tool's calls cost, in US dollars (<c>cost_usd</c>).</summary>
    public double? CostUsd { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentToolCallDetails> IWireModel<AgentToolCallDetails>.Fields => Table;
}
