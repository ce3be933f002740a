using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>An assistant message: <c>{"type":"message","id","role","status","content":[{"type":"output_text","text","annotations"}]}</c>.</summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputMessage>))]
public sealed class AgentOutputMessage : AgentOutputItem, IWireModel<AgentOutputMessage>
{
    private static readonly JsonFields<AgentOutputMessage> Table = new JsonFields<AgentOutputMessage>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (_, _) => { })
        .Add("id", Wire.Known, static x => x.Id, static (x, v) => x.Id = v)
        .Add("role", Wire.Known, static x => x.Role, static (x, v) => x.Role = v)
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Add("content", Wire.ListOf<AgentOutputContent>(), static x => x.Content, static (x, v) => x.Content = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Creates the item.</summary>
    public AgentOutputMessage()
        : base("message")
    {
    }

    /// <summary>The item id.</summary>
    public string? Id { get; set; }

    /// <summary>The role, <c>assistant</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The item's status.</summary>
    public string? Status { get; set; }

    /// <summary>The content parts.</summary>
    public IList<AgentOutputContent>? Content { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentOutputMessage> IWireModel<AgentOutputMessage>.Fields => Table;

    /// <summary>A copy with its own list of content parts, each part copied too, for a fold to fill in.</summary>
    internal AgentOutputMessage Copy()
    {
        var copy = (AgentOutputMessage)MemberwiseClone();
        copy.Content = Content is null ? null : [.. Content.Select(static part => part.Copy())];
        return copy;
    }
}
