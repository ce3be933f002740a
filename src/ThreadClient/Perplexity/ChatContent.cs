using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// A message's <c>content</c>: either plain text (a JSON string) or a list of parts (text and images).
/// A <see cref="string"/> converts to it implicitly.
/// </summary>
[JsonConverter(typeof(ChatContentConverter))]
public sealed class ChatContent
{
    private readonly string? _text;

    /// <summary>Creates text content.</summary>
    /// <param name="text">The text.</param>
    public ChatContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    /// <summary>Creates content made of parts.</summary>
    /// <param name="parts">The parts, in order.</param>
    public ChatContent(IList<ChatContentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Parts = parts;
    }

    /// <summary>The text: the string itself, or the text parts joined (read from <see cref="Parts"/> each time).</summary>
    public string Text => _text ?? string.Concat(Parts!.Select(static p => p.Text));

    /// <summary>The parts, when the content was given as parts; <see langword="null"/> for plain text.</summary>
    public IList<ChatContentPart>? Parts { get; }

    /// <summary>Converts text to content.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator ChatContent(string text) => new(text);

    /// <summary>Creates text content.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The content.</returns>
    public static ChatContent FromString(string text) => new(text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
