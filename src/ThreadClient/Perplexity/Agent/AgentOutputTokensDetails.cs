using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How an Agent API response's output tokens split (<c>output_tokens_details</c>).</summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputTokensDetails>))]
public sealed class AgentOutputTokensDetails : IWireModel<AgentOutputTokensDetails>
{
    private static readonly JsonFields<AgentOutputTokensDetails> Table = new JsonFields<AgentOutputTokensDetails>(static () => new())
        .Add("reasoning_tokens", Wire.Int64, static x => x.ReasoningTokens, static (x, v) => x.ReasoningTokens = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Output tokens spent on reasoning.</summary>
    public long? ReasoningTokens { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentOutputTokensDetails> IWireModel<AgentOutputTokensDetails>.Fields => Table;
}
