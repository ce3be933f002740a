using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The <c>web_search</c> tool, with the search filters that were top-level fields of Sonar chat completions.</summary>
public sealed class WebSearchTool : AgentTool
{
    /// <summary>Creates the item.</summary>
    public WebSearchTool()
        : base("web_search")
    {
    }

    /// <summary>Domain and date filters.</summary>
    [JsonPropertyName("filters")]
    public WebSearchFilters? Filters { get; set; }

    /// <summary>The most search results a search returns (Sonar's <c>num_search_results</c>).</summary>
    [JsonPropertyName("max_results")]
    public int? MaxResults { get; set; }

    /// <summary>The most tokens of search results the model reads.</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    /// <summary>The most tokens read from one page.</summary>
    [JsonPropertyName("max_tokens_per_page")]
    public int? MaxTokensPerPage { get; set; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("search_context_size")]
    public string? SearchContextSize { get; set; }

    /// <summary>Where the user is, to localise results.</summary>
    [JsonPropertyName("user_location")]
    public WebSearchUserLocation? UserLocation { get; set; }

    internal override void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, this, AgentJsonContext.Default.WebSearchTool);
}
