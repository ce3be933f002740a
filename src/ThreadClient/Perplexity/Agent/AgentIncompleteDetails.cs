using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Why an Agent API response stopped before it was finished (<c>incomplete_details</c>): <c>max_output_tokens</c>
/// (status <c>incomplete</c>: raise <see cref="AgentRequest.MaxOutputTokens"/>) or <c>cancelled</c>.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AgentIncompleteDetails>))]
public sealed class AgentIncompleteDetails : IWireModel<AgentIncompleteDetails>
{
    /// <summary>The <see cref="Reason"/> of a response cut off at <see cref="AgentRequest.MaxOutputTokens"/>.</summary>
    public const string MaxOutputTokens = "max_output_tokens";

    /// <summary>The <see cref="Reason"/> of a cancelled background response.</summary>
    public const string Cancelled = "cancelled";

    private static readonly JsonFields<AgentIncompleteDetails> Table = new JsonFields<AgentIncompleteDetails>(static () => new())
        .Add("reason", Wire.Known, static x => x.Reason, static (x, v) => x.Reason = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Why the response is incomplete, as the service said (<see cref="MaxOutputTokens"/>, <see cref="Cancelled"/>, or a newer reason).</summary>
    public string? Reason { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentIncompleteDetails> IWireModel<AgentIncompleteDetails>.Fields => Table;
}
