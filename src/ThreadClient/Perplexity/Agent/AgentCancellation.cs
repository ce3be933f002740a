using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// The answer to <see cref="PerplexityAgentClient.CancelResponseAsync"/>: the response with <c>status: "cancelling"</c>
/// (its id in <c>id</c>; <c>response_id</c> in the older short form). Poll <see cref="PerplexityAgentClient.GetResponseAsync"/>
/// until the status is <c>cancelled</c>; every other field of the reply is in <see cref="AdditionalProperties"/>.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AgentCancellation>))]
public sealed class AgentCancellation : ThreadsResult, IWireModel<AgentCancellation>
{
    private static readonly JsonFields<AgentCancellation> Table = new JsonFields<AgentCancellation>(static () => new())
        .Add("response_id", Wire.Text, static x => x.ResponseId, static (x, v) => x.ResponseId = v).Or("id")
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The response being cancelled.</summary>
    public string? ResponseId { get; set; }

    /// <summary><c>cancelling</c> (<see cref="AgentResponseStatus.Cancelling"/>).</summary>
    public string? Status { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentCancellation> IWireModel<AgentCancellation>.Fields => Table;
}
