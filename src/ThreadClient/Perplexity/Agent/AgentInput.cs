using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// What an <see cref="AgentRequest"/> gives the model: one string, or a list of input items
/// (<see cref="AgentInputMessage"/>, <see cref="AgentInputFunctionCall"/>,
/// <see cref="AgentInputFunctionCallOutput"/>). A string converts implicitly.
/// </summary>
[JsonConverter(typeof(WriteOnlyConverter<AgentInput>))]
public sealed class AgentInput : IJsonWritable
{
    private IList<AgentInputItem>? _items;

    /// <summary>An empty item list, to fill with <see cref="Items"/>.</summary>
    public AgentInput()
    {
    }

    /// <summary>A plain text input.</summary>
    /// <param name="text">The text.</param>
    public AgentInput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>An item list.</summary>
    /// <param name="items">The items, in order.</param>
    public AgentInput(IEnumerable<AgentInputItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    /// <summary>The text, when the input is a plain string; <see langword="null"/> otherwise.</summary>
    public string? Text { get; }

    /// <summary>The items, when the input is a list (empty for a string input, and ignored then).</summary>
    public IList<AgentInputItem> Items => _items ??= [];

    /// <summary>Whether the input has anything for the model to read.</summary>
    internal bool IsEmpty => Text is null ? _items is not { Count: > 0 } : Text.Length == 0;

    /// <summary>A plain text input.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator AgentInput(string text) => new(text);

    /// <summary>A plain text input.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The input.</returns>
    public static AgentInput FromString(string text) => new(text);

    void IJsonWritable.Write(Utf8JsonWriter writer)
    {
        if (Text is not null)
        {
            writer.WriteStringValue(Text);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in Items)
        {
            ((IJsonWritable)item).Write(writer);
        }

        writer.WriteEndArray();
    }
}
