using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A part of an <see cref="AgentOutputMessage"/>: <c>{"type":"output_text","text","annotations"}</c>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputContent>))]
public sealed class AgentOutputContent : IWireModel<AgentOutputContent>
{
    private static readonly JsonFields<AgentOutputContent> Table = new JsonFields<AgentOutputContent>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (x, v) => x.Type = v)
        .Add("text", Wire.Text, static x => x.Text, static (x, v) => x.Text = v)
        .Add("annotations", Wire.ListOf<AgentAnnotation>(), static x => x.Annotations, static (x, v) => x.Annotations = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The part type, <c>output_text</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The text.</summary>
    public string? Text { get; set; }

    /// <summary>The citations in the text.</summary>
    public IList<AgentAnnotation>? Annotations { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A copy of the part (its annotations and extension data shared).</summary>
    internal AgentOutputContent Copy() => (AgentOutputContent)MemberwiseClone();

    /// <summary>Whether the part is answer text (<c>output_text</c>, or no type at all).</summary>
    internal bool IsOutputText => Type is null or "output_text";

    static JsonFields<AgentOutputContent> IWireModel<AgentOutputContent>.Fields => Table;
}
