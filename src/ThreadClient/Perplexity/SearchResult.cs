using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One search result an answer drew on.</summary>
public sealed class SearchResult
{
    /// <summary>The page title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The page URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The publication date, as the service wrote it.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; set; }

    /// <summary>When the page was last updated, as the service wrote it.</summary>
    [JsonPropertyName("last_updated")]
    public string? LastUpdated { get; set; }

    /// <summary>A snippet of the page.</summary>
    [JsonPropertyName("snippet")]
    public string? Snippet { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
