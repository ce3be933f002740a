using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// An input message: <c>{"type":"message","role","content"}</c>, where content is a string or parts
/// (<see cref="AgentContentPart.InputText"/>, <see cref="AgentContentPart.InputImage"/>).
/// </summary>
public sealed class AgentInputMessage : AgentInputItem
{
    /// <summary>A message with text content.</summary>
    /// <param name="role">user, assistant, system or developer (<see cref="AgentRole"/>).</param>
    /// <param name="text">The text.</param>
    public AgentInputMessage(string role, string text)
        : base("message")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(text);
        Role = role;
        Text = text;
    }

    /// <summary>A message with content parts.</summary>
    /// <param name="role">user, assistant, system or developer (<see cref="AgentRole"/>).</param>
    /// <param name="parts">The parts, in order.</param>
    public AgentInputMessage(string role, IEnumerable<AgentContentPart> parts)
        : base("message")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(parts);
        Role = role;
        Parts = [.. parts];
    }

    /// <summary>The role: <c>user</c>, <c>assistant</c>, <c>system</c> or <c>developer</c>.</summary>
    [JsonPropertyName("role")]
    public string Role { get; }

    /// <summary>The text, when the content is a string.</summary>
    [JsonIgnore]
    public string? Text { get; }

    /// <summary>The content parts, when the content is a list.</summary>
    [JsonIgnore]
    public IList<AgentContentPart>? Parts { get; }

    /// <summary>The message's text: <see cref="Text"/>, or the text parts joined.</summary>
    [JsonIgnore]
    public string AllText => Text ?? string.Concat(Parts!.Select(static p => p.Text));

    internal override void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, Type);
        writer.WriteString("role"u8, Role);
        writer.WritePropertyName("content"u8);
        if (Text is not null)
        {
            writer.WriteStringValue(Text);
        }
        else
        {
            JsonSerializer.Serialize(writer, Parts!, AgentJsonContext.Default.IListAgentContentPart);
        }

        writer.WriteEndObject();
    }
}
