using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>What an Agent API response cost (<c>ResponsesCost</c>), in <see cref="Currency"/>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentCost>))]
public sealed class AgentCost : IWireModel<AgentCost>
{
    private static readonly JsonFields<AgentCost> Table = new JsonFields<AgentCost>(static () => new())
        .Add("input_cost", Wire.Double, static x => x.InputCost, static (x, v) => x.InputCost = v)
        .Add("output_cost", Wire.Double, static x => x.OutputCost, static (x, v) => x.OutputCost = v)
        .Add("tool_calls_cost", Wire.Double, static x => x.ToolCallsCost, static (x, v) => x.ToolCallsCost = v)
        .Add("cache_creation_cost", Wire.Double, static x => x.CacheCreationCost, static (x, v) => x.CacheCreationCost = v)
        .Add("cache_read_cost", Wire.Double, static x => x.CacheReadCost, static (x, v) => x.CacheReadCost = v)
        .Add("total_cost", Wire.Double, static x => x.TotalCost, static (x, v) => x.TotalCost = v)
        .Add("currency", Wire.Known, static x => x.Currency, static (x, v) => x.Currency = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The cost of the input tokens.</summary>
    public double? InputCost { get; set; }

    /// <summary>The cost of the output tokens.</summary>
    public double? OutputCost { get; set; }

    /// <summary>The cost of the tool calls (searches, fetches).</summary>
    public double? ToolCallsCost { get; set; }

    /// <summary>The cost of cache writes.</summary>
    public double? CacheCreationCost { get; set; }

    /// <summary>The cost of cache reads.</summary>
    public double? CacheReadCost { get; set; }

    /// <summary>Everything together.</summary>
    public double? TotalCost { get; set; }

    /// <summary>The currency, <c>USD</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentCost> IWireModel<AgentCost>.Fields => Table;
}
