using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// The answer to <see cref="PerplexityAgentClient.CancelResponseAsync"/>: <c>{"response_id","status":"cancelling"}</c>
/// (a server that answers with the whole response instead is read too: its <c>id</c>, and every other field in
/// <see cref="AdditionalProperties"/>). Poll <see cref="PerplexityAgentClient.GetResponseAsync"/> until the status is <c>cancelled</c>.
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
