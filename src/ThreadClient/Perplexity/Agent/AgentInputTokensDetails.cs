using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How an Agent API response's input tokens split between the prompt cache's writes and reads.</summary>
[JsonConverter(typeof(WireModelConverter<AgentInputTokensDetails>))]
public sealed class AgentInputTokensDetails : IWireModel<AgentInputTokensDetails>
{
    private static readonly JsonFields<AgentInputTokensDetails> Table = new JsonFields<AgentInputTokensDetails>(static () => new())
        .Add("cache_creation_input_tokens", Wire.Int64, static x => x.CacheCreationInputTokens, static (x, v) => x.CacheCreationInputTokens = v)
        .Add("cache_read_input_tokens", Wire.Int64, static x => x.CacheReadInputTokens, static (x, v) => x.CacheReadInputTokens = v);

    /// <summary>Input tokens written to the cache.</summary>
    public long? CacheCreationInputTokens { get; set; }

    /// <summary>Input tokens read from the cache.</summary>
    public long? CacheReadInputTokens { get; set; }

    static JsonFields<AgentInputTokensDetails> IWireModel<AgentInputTokensDetails>.Fields => Table;
}
