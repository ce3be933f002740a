using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Why an Agent API response failed (<c>ErrorInfo</c>).</summary>
[JsonConverter(typeof(WireModelConverter<AgentError>))]
public sealed class AgentError : IWireModel<AgentError>
{
    private static readonly JsonFields<AgentError> Table = new JsonFields<AgentError>(static () => new())
        .Add("code", Wire.Text, static x => x.Code, static (x, v) => x.Code = v)
        .Add("message", Wire.Text, static x => x.Message, static (x, v) => x.Message = v)
        .Add("type", Wire.Text, static x => x.Type, static (x, v) => x.Type = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    /// <summary>The error code, as text.</summary>
    public string? Code { get; set; }

    /// <summary>What went wrong.</summary>
    public string? Message { get; set; }

    /// <summary>The error type.</summary>
    public string? Type { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AgentError> IWireModel<AgentError>.Fields => Table;
}
