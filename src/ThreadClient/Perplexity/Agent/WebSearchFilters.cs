using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>The filters of a <see cref="WebSearchTool"/>.</summary>
public sealed class WebSearchFilters
{
    /// <summary>Domains to search only (or, prefixed with <c>-</c>, to exclude).</summary>
    [JsonPropertyName("search_domain_filter")]
    public IList<string>? SearchDomainFilter { get; set; }

    /// <summary><c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    [JsonPropertyName("search_recency_filter")]
    public string? SearchRecencyFilter { get; set; }

    /// <summary>Only pages published after this date (as the service writes dates, for example <c>3/1/2025</c>).</summary>
    [JsonPropertyName("search_after_date_filter")]
    public string? SearchAfterDateFilter { get; set; }

    /// <summary>Only pages published before this date.</summary>
    [JsonPropertyName("search_before_date_filter")]
    public string? SearchBeforeDateFilter { get; set; }

    /// <summary>Only pages updated after this date.</summary>
    [JsonPropertyName("last_updated_after_filter")]
    public string? LastUpdatedAfterFilter { get; set; }

    /// <summary>Only pages updated before this date.</summary>
    [JsonPropertyName("last_updated_before_filter")]
    public string? LastUpdatedBeforeFilter { get; set; }
}
