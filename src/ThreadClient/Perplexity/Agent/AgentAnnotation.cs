using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A citation inside an <see cref="AgentOutputContent"/>: which span of the text cites which URL.</summary>
public sealed class AgentAnnotation
{
    /// <summary>The annotation type (for example <c>url_citation</c>).</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Type { get; set; }

    /// <summary>The cited URL.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The cited page's title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>Where the citing span starts in the text.</summary>
    [JsonPropertyName("start_index")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? StartIndex { get; set; }

    /// <summary>Where the citing span ends in the text.</summary>
    [JsonPropertyName("end_index")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? EndIndex { get; set; }
}
