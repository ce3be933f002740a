using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Token counts, search counts and cost of one completion.</summary>
[JsonConverter(typeof(WireModelConverter<ChatUsage>))]
public sealed class ChatUsage : IWireModel<ChatUsage>
{
    private static readonly JsonFields<ChatUsage> Table = new JsonFields<ChatUsage>(static () => new())
        .Add("prompt_tokens", Wire.Int64, static x => x.PromptTokens, static (x, v) => x.PromptTokens = Count(v) ?? 0)
        .Add("completion_tokens", Wire.Int64, static x => x.CompletionTokens, static (x, v) => x.CompletionTokens = Count(v) ?? 0)
        .Add("total_tokens", Wire.Int64, static x => x.TotalTokens, static (x, v) => x.TotalTokens = Count(v) ?? 0)
        .Add("citation_tokens", Wire.Int64, static x => x.CitationTokens, static (x, v) => x.CitationTokens = Count(v))
        .Add("num_search_queries", Wire.Int64, static x => x.NumSearchQueries, static (x, v) => x.NumSearchQueries = Count(v))
        .Add("reasoning_tokens", Wire.Int64, static x => x.ReasoningTokens, static (x, v) => x.ReasoningTokens = Count(v))
        .Add("search_context_size", Wire.Known, static x => x.SearchContextSize, static (x, v) => x.SearchContextSize = v)
        .Add("cost", Wire.Model<UsageCost>(), static x => x.Cost, static (x, v) => x.Cost = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Tokens in the prompt.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Tokens generated.</summary>
    public int CompletionTokens { get; set; }

    /// <summary>Prompt plus completion tokens.</summary>
    public int TotalTokens { get; set; }

    /// <summary>Tokens spent on citations, when reported.</summary>
    public int? CitationTokens { get; set; }

    /// <summary>Search queries run, when reported.</summary>
    public int? NumSearchQueries { get; set; }

    /// <summary>Reasoning tokens, when reported.</summary>
    public int? ReasoningTokens { get; set; }

    /// <summary>The search context size used, when reported.</summary>
    public string? SearchContextSize { get; set; }

    /// <summary>What the call cost, when reported.</summary>
    public UsageCost? Cost { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The usage as a session's ledger counts it (Perplexity bills in US dollars).</summary>
    internal Sessions.TurnUsage ToTurnUsage() =>
        new(PromptTokens, CompletionTokens, Cost: Sessions.TurnUsage.Money(Cost?.TotalCost), Currency: Cost?.TotalCost is null ? null : "USD");

    static JsonFields<ChatUsage> IWireModel<ChatUsage>.Fields => Table;

    /// <summary>A count that fits an <see cref="int"/>; <see langword="null"/> for one that does not.</summary>
    private static int? Count(long? count) => count is >= int.MinValue and <= int.MaxValue ? (int)count : null;
}
