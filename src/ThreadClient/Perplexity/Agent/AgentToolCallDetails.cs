using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How often one tool ran for a response.</summary>
[JsonConverter(typeof(WireModelConverter<AgentToolCallDetails>))]
public sealed class AgentToolCallDetails : IWireModel<AgentToolCallDetails>
{
    private static readonly JsonFields<AgentToolCallDetails> Table = new JsonFields<AgentToolCallDetails>(static () => new())
        .Add("invocation", Wire.Int64, static x => x.Invocation, static (x, v) => x.Invocation = v);

    /// <summary>The number of invocations.</summary>
    public long? Invocation { get; set; }

    static JsonFields<AgentToolCallDetails> IWireModel<AgentToolCallDetails>.Fields => Table;
}
