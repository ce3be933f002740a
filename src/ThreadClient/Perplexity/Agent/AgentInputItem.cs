using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>One item of an <see cref="AgentInput"/> list: a message, a function call, or a function call's output.</summary>
public abstract class AgentInputItem : IJsonWritable
{
    private protected AgentInputItem(string type) => Type = type;

    /// <summary>The item type as written (<c>message</c>, <c>function_call</c>, <c>function_call_output</c>).</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; }

    /// <summary>A user message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static AgentInputMessage User(string text) => new(AgentRole.User, text);

    /// <summary>An assistant message (an earlier answer, replayed).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static AgentInputMessage Assistant(string text) => new(AgentRole.Assistant, text);

    /// <summary>A system message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static AgentInputMessage System(string text) => new(AgentRole.System, text);

    /// <summary>A developer message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static AgentInputMessage Developer(string text) => new(AgentRole.Developer, text);

    internal abstract void Write(Utf8JsonWriter writer);

    void IJsonWritable.Write(Utf8JsonWriter writer) => Write(writer);
}
