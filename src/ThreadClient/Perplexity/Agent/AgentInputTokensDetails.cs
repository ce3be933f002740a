using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How an Agent API response's input tokens split between the prompt cache's writes and reads.</summary>
[JsonConverter(typeof(WireModelConverter<AgentInputTokensDetails>))]
public sealed class AgentInputTokensDetails : IWireModel<AgentInputTokensDetails>
{
    private static readonly JsonFields<AgentInputTokensDetails> Table = new JsonFields<AgentInputTokensDetails>(static () => new())
        .Add("cache_creation_input_tokens", Wire.Int64, static x => x.CacheCreationInputTokens, static (x, v) => x.CacheCreationInputTokens = v)
        .Add("cache_read_input_tokens", Wire.Int64, static x => x.CacheReadInputTokens, static (x, v) => x.CacheReadInputTokens = v)
        .Add("cached_tokens", Wire.Int64, static x => x.CachedTokens, static (x, v) => x.CachedTokens = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Input tokens written to the cache.</summary>
    public long? CacheCreationInputTokens { get; set; }

    /// <summary>Input tokens read from the cache.</summary>
    public long? CacheReadInputTokens { get; set; }

    /// <summary>Input tokens read from the cache, under the name OpenAI uses (<c>cached_tokens</c>; the live service sends both).</summary>
    public long? CachedTokens { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentInputTokensDetails> IWireModel<AgentInputTokensDetails>.Fields => Table;
}
