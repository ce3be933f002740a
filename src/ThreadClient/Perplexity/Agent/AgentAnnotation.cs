using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A citation inside an <see cref="AgentOutputContent"/>: which span of the text cites which URL.</summary>
[JsonConverter(typeof(WireModelConverter<AgentAnnotation>))]
public sealed class AgentAnnotation : IWireModel<AgentAnnotation>
{
    private static readonly JsonFields<AgentAnnotation> Table = new JsonFields<AgentAnnotation>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (x, v) => x.Type = v)
        .Add("url", Wire.Text, static x => x.Url, static (x, v) => x.Url = v)
        .Add("title", Wire.Text, static x => x.Title, static (x, v) => x.Title = v)
        .Add("start_index", Wire.Int64, static x => x.StartIndex, static (x, v) => x.StartIndex = v)
        .Add("end_index", Wire.Int64, static x => x.EndIndex, static (x, v) => x.EndIndex = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The annotation type (for example <c>url_citation</c>).</summary>
    public string? Type { get; set; }

    /// <summary>The cited URL.</summary>
    public string? Url { get; set; }

    /// <summary>The cited page's title.</summary>
    public string? Title { get; set; }

    /// <summary>Where the citing span starts in the text.</summary>
    public long? StartIndex { get; set; }

    /// <summary>Where the citing span ends in the text.</summary>
    public long? EndIndex { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentAnnotation> IWireModel<AgentAnnotation>.Fields => Table;
}
