using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One search result an answer drew on.</summary>
[JsonConverter(typeof(WireModelConverter<SearchResult>))]
public sealed class SearchResult : IWireModel<SearchResult>
{
    private static readonly JsonFields<SearchResult> Table = new JsonFields<SearchResult>(static () => new())
        .Add("title", Wire.Text, static x => x.Title, static (x, v) => x.Title = v)
        .Add("url", Wire.Text, static x => x.Url, static (x, v) => x.Url = v)
        .Add("date", Wire.Text, static x => x.Date, static (x, v) => x.Date = v)
        .Add("last_updated", Wire.Text, static x => x.LastUpdated, static (x, v) => x.LastUpdated = v)
        .Add("snippet", Wire.Text, static x => x.Snippet, static (x, v) => x.Snippet = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The page title.</summary>
    public string? Title { get; set; }

    /// <summary>The page URL.</summary>
    public string? Url { get; set; }

    /// <summary>The publication date, as the service wrote it.</summary>
    public string? Date { get; set; }

    /// <summary>When the page was last updated, as the service wrote it.</summary>
    public string? LastUpdated { get; set; }

    /// <summary>A snippet of the page.</summary>
    public string? Snippet { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<SearchResult> IWireModel<SearchResult>.Fields => Table;
}
