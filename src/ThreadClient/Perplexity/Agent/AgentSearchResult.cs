using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>One search result of an <see cref="AgentOutputSearchResults"/> item or a <c>response.reasoning.search_results</c> event.</summary>
public sealed class AgentSearchResult
{
    /// <summary>The result's number within the response.</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Id { get; set; }

    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The page URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>An excerpt.</summary>
    [JsonPropertyName("snippet")]
    public string? Snippet { get; set; }

    /// <summary>When the page was published, as the service wrote it.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; set; }

    /// <summary>When the page was last updated, as the service wrote it.</summary>
    [JsonPropertyName("last_updated")]
    public string? LastUpdated { get; set; }

    /// <summary>Where the result came from (<c>web</c>, <c>attachment</c>).</summary>
    [JsonPropertyName("source")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Source { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
