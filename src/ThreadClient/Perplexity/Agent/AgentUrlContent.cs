using System.Text.Json;
using System.Text.Json.Serialization;

using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A fetched page.</summary>
[JsonConverter(typeof(WireModelConverter<AgentUrlContent>))]
public sealed class AgentUrlContent : IWireModel<AgentUrlContent>
{
    private static readonly JsonFields<AgentUrlContent> Table = new JsonFields<AgentUrlContent>(static () => new())
        .Add("url", Wire.Text, static x => x.Url, static (x, v) => x.Url = v)
        .Add("title", Wire.Text, static x => x.Title, static (x, v) => x.Title = v)
        .Add("snippet", Wire.Text, static x => x.Snippet, static (x, v) => x.Snippet = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The page URL.</summary>
    public string? Url { get; set; }

    /// <summary>The page title.</summary>
    public string? Title { get; set; }

    /// <summary>What was read of it.</summary>
    public string? Snippet { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentUrlContent> IWireModel<AgentUrlContent>.Fields => Table;
}
