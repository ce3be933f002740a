using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The cost of one completion, in US dollars. Other cost lines the service adds stay in <see cref="AdditionalProperties"/>.</summary>
[JsonConverter(typeof(WireModelConverter<UsageCost>))]
public sealed class UsageCost : IWireModel<UsageCost>
{
    private static readonly JsonFields<UsageCost> Table = new JsonFields<UsageCost>(static () => new())
        .Add("input_tokens_cost", Wire.Double, static x => x.InputTokensCost, static (x, v) => x.InputTokensCost = v)
        .Add("output_tokens_cost", Wire.Double, static x => x.OutputTokensCost, static (x, v) => x.OutputTokensCost = v)
        .Add("request_cost", Wire.Double, static x => x.RequestCost, static (x, v) => x.RequestCost = v)
        .Add("total_cost", Wire.Double, static x => x.TotalCost, static (x, v) => x.TotalCost = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Cost of the input tokens.</summary>
    public double? InputTokensCost { get; set; }

    /// <summary>Cost of the output tokens.</summary>
    public double? OutputTokensCost { get; set; }

    /// <summary>The per-request fee, when reported.</summary>
    public double? RequestCost { get; set; }

    /// <summary>The total.</summary>
    public double? TotalCost { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<UsageCost> IWireModel<UsageCost>.Fields => Table;
}
