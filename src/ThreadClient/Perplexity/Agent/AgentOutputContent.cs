using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A part of an <see cref="AgentOutputMessage"/>: <c>{"type":"output_text","text","annotations"}</c>.</summary>
public sealed class AgentOutputContent
{
    /// <summary>The part type, <c>output_text</c>.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? Type { get; set; }

    /// <summary>The text.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The citations in the text.</summary>
    [JsonPropertyName("annotations")]
    public IList<AgentAnnotation>? Annotations { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Whether the part is answer text (<c>output_text</c>, or no type at all).</summary>
    internal bool IsOutputText => Type is null or "output_text";
}
