using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>One search result of an <see cref="AgentOutputSearchResults"/> item or a <c>response.reasoning.search_results</c> event.</summary>
[JsonConverter(typeof(WireModelConverter<AgentSearchResult>))]
public sealed class AgentSearchResult : IWireModel<AgentSearchResult>
{
    private static readonly JsonFields<AgentSearchResult> Table = new JsonFields<AgentSearchResult>(static () => new())
        .Add("id", Wire.Int64, static x => x.Id, static (x, v) => x.Id = v)
        .Add("title", Wire.Text, static x => x.Title, static (x, v) => x.Title = v)
        .Add("url", Wire.Text, static x => x.Url, static (x, v) => x.Url = v)
        .Add("snippet", Wire.Text, static x => x.Snippet, static (x, v) => x.Snippet = v)
        .Add("date", Wire.Text, static x => x.Date, static (x, v) => x.Date = v)
        .Add("last_updated", Wire.Text, static x => x.LastUpdated, static (x, v) => x.LastUpdated = v)
        .Add("source", Wire.Known, static x => x.Source, static (x, v) => x.Source = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The result's number within the response.</summary>
    public long? Id { get; set; }

    /// <summary>The page title.</summary>
    public string? Title { get; set; }

    /// <summary>The page URL.</summary>
    public string? Url { get; set; }

    /// <summary>An excerpt.</summary>
    public string? Snippet { get; set; }

    /// <summary>When the page was published, as the service wrote it.</summary>
    public string? Date { get; set; }

    /// <summary>When the page was last updated, as the service wrote it.</summary>
    public string? LastUpdated { get; set; }

    /// <summary>Where the result came from (<c>web</c>, <c>attachment</c>).</summary>
    public string? Source { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentSearchResult> IWireModel<AgentSearchResult>.Fields => Table;
}
