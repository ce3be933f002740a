using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Token counts, search counts and cost of one completion.</summary>
public sealed class ChatUsage
{
    /// <summary>Tokens in the prompt.</summary>
    [JsonPropertyName("prompt_tokens")]
    public int PromptTokens { get; set; }

    /// <summary>Tokens generated.</summary>
    [JsonPropertyName("completion_tokens")]
    public int CompletionTokens { get; set; }

    /// <summary>Prompt plus completion tokens.</summary>
    [JsonPropertyName("total_tokens")]
    public int TotalTokens { get; set; }

    /// <summary>Tokens spent on citations, when reported.</summary>
    [JsonPropertyName("citation_tokens")]
    public int? CitationTokens { get; set; }

    /// <summary>Search queries run, when reported.</summary>
    [JsonPropertyName("num_search_queries")]
    public int? NumSearchQueries { get; set; }

    /// <summary>Reasoning tokens, when reported.</summary>
    [JsonPropertyName("reasoning_tokens")]
    public int? ReasoningTokens { get; set; }

    /// <summary>The search context size used, when reported.</summary>
    [JsonPropertyName("search_context_size")]
    public string? SearchContextSize { get; set; }

    /// <summary>What the call cost, when reported.</summary>
    [JsonPropertyName("cost")]
    public UsageCost? Cost { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
