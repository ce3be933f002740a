using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Tokens and cost of an Agent API response (<c>ResponsesUsage</c>).</summary>
[JsonConverter(typeof(WireModelConverter<AgentUsage>))]
public sealed class AgentUsage : IWireModel<AgentUsage>
{
    private static readonly JsonFields<AgentUsage> Table = new JsonFields<AgentUsage>(static () => new())
        .Add("input_tokens", Wire.Int64, static x => x.InputTokens, static (x, v) => x.InputTokens = v)
        .Add("output_tokens", Wire.Int64, static x => x.OutputTokens, static (x, v) => x.OutputTokens = v)
        .Add("total_tokens", Wire.Int64, static x => x.TotalTokens, static (x, v) => x.TotalTokens = v)
        .Add("input_tokens_details", Wire.Model<AgentInputTokensDetails>(), static x => x.InputTokensDetails, static (x, v) => x.InputTokensDetails = v)
        .Add("output_tokens_details", Wire.Model<AgentOutputTokensDetails>(), static x => x.OutputTokensDetails, static (x, v) => x.OutputTokensDetails = v)
        .Add("cost", Wire.Model<AgentCost>(), static x => x.Cost, static (x, v) => x.Cost = v)
        .Add("tool_calls_details", Wire.MapOf<AgentToolCallDetails>(), static x => x.ToolCallsDetails, static (x, v) => x.ToolCallsDetails = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Tokens read.</summary>
    public long? InputTokens { get; set; }

    /// <summary>Tokens written.</summary>
    public long? OutputTokens { get; set; }

    /// <summary>All tokens.</summary>
    public long? TotalTokens { get; set; }

    /// <summary>How the input tokens split between cache writes and cache reads.</summary>
    public AgentInputTokensDetails? InputTokensDetails { get; set; }

    /// <summary>How the output tokens split (reasoning tokens).</summary>
    public AgentOutputTokensDetails? OutputTokensDetails { get; set; }

    /// <summary>What the response cost.</summary>
    public AgentCost? Cost { get; set; }

    /// <summary>How often each tool ran, by tool name (<c>{"web_search":{"invocation":2,"cost_usd":0.01}}</c>).</summary>
    public IDictionary<string, AgentToolCallDetails>? ToolCallsDetails { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The usage as a session's ledger counts it.</summary>
    internal Sessions.TurnUsage ToTurnUsage() => new(
        InputTokens,
        OutputTokens,
        InputTokensDetails?.CacheReadInputTokens ?? InputTokensDetails?.CachedTokens,
        InputTokensDetails?.CacheCreationInputTokens,
        Sessions.TurnUsage.Money(Cost?.TotalCost),
        Cost?.TotalCost is null ? null : Cost.Currency ?? "USD");

    static JsonFields<AgentUsage> IWireModel<AgentUsage>.Fields => Table;
}
