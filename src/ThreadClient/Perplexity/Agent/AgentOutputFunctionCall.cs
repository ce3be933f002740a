using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A call the model asks you to make: <c>{"type":"function_call","id","call_id","name","arguments","status"}</c>.
/// Run it and send an <see cref="AgentInputFunctionCallOutput"/> with the same <see cref="CallId"/>.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AgentOutputFunctionCall>))]
public sealed class AgentOutputFunctionCall : AgentOutputItem, IWireModel<AgentOutputFunctionCall>
{
    private static readonly JsonFields<AgentOutputFunctionCall> Table = new JsonFields<AgentOutputFunctionCall>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (_, _) => { })
        .Add("id", Wire.Text, static x => x.Id, static (x, v) => x.Id = v)
        .Add("call_id", Wire.Text, static x => x.CallId, static (x, v) => x.CallId = v)
        .Add("name", Wire.Text, static x => x.Name, static (x, v) => x.Name = v)
        .Add("arguments", Wire.Text, static x => x.Arguments, static (x, v) => x.Arguments = v)
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Add("thought_signature", Wire.Text, static x => x.ThoughtSignature, static (x, v) => x.ThoughtSignature = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>Creates the item.</summary>
    public AgentOutputFunctionCall()
        : base("function_call")
    {
    }

    /// <summary>The item id.</summary>
    public string? Id { get; set; }

    /// <summary>The call id to answer with.</summary>
    public string? CallId { get; set; }

    /// <summary>The function's name.</summary>
    public string? Name { get; set; }

    /// <summary>The arguments, as the JSON text the model wrote.</summary>
    public string? Arguments { get; set; }

    /// <summary>The item's status.</summary>
    public string? Status { get; set; }

    /// <summary>The provider's signature of the call (send it back unchanged).</summary>
    public string? ThoughtSignature { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentOutputFunctionCall> IWireModel<AgentOutputFunctionCall>.Fields => Table;
}
