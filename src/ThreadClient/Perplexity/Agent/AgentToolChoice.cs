using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Which tools the model must or may call (<c>tool_choice</c>): <see cref="Auto"/> (the model decides),
/// <see cref="None"/>, <see cref="Required"/> (at least one), or one named function (<see cref="Function"/>).
/// </summary>
[JsonConverter(typeof(WriteOnlyConverter<AgentToolChoice>))]
public sealed class AgentToolChoice : IJsonWritable
{
    private AgentToolChoice(string mode, string? functionName)
    {
        Mode = mode;
        FunctionName = functionName;
    }

    /// <summary><c>"auto"</c>: the model decides whether to call tools (the service's default).</summary>
    public static AgentToolChoice Auto { get; } = new("auto", null);

    /// <summary><c>"none"</c>: the model calls no tool.</summary>
    public static AgentToolChoice None { get; } = new("none", null);

    /// <summary><c>"required"</c>: the model calls at least one tool.</summary>
    public static AgentToolChoice Required { get; } = new("required", null);

    /// <summary><c>auto</c>, <c>none</c>, <c>required</c>, or <c>function</c> for <see cref="Function"/>.</summary>
    public string Mode { get; }

    /// <summary>The function the model must call, when <see cref="Mode"/> is <c>function</c>.</summary>
    public string? FunctionName { get; }

    /// <summary>The model must call this function: <c>{"type":"function","name":name}</c>.</summary>
    /// <param name="name">The function's name, as in its <see cref="FunctionTool"/>.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static AgentToolChoice Function(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new("function", name);
    }

    void IJsonWritable.Write(Utf8JsonWriter writer)
    {
        if (FunctionName is null)
        {
            writer.WriteStringValue(Mode);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type"u8, "function"u8);
        writer.WriteString("name"u8, FunctionName);
        writer.WriteEndObject();
    }
}
