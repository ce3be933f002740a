using System.Text.Json.Serialization;

using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The answer to <see cref="PerplexityAgentClient.CancelResponseAsync"/>: <c>{"response_id","status":"cancelling"}</c>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentCancellation>))]
public sealed class AgentCancellation : ThreadsResult, IWireModel<AgentCancellation>
{
    private static readonly JsonFields<AgentCancellation> Table = new JsonFields<AgentCancellation>(static () => new())
        .Add("response_id", Wire.Text, static x => x.ResponseId, static (x, v) => x.ResponseId = v)
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v);

    /// <summary>The response being cancelled.</summary>
    public string? ResponseId { get; set; }

    /// <summary><c>cancelling</c>.</summary>
    public string? Status { get; set; }

    static JsonFields<AgentCancellation> IWireModel<AgentCancellation>.Fields => Table;
}
