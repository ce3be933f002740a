using System.Text.Json;

namespace ThreadClient.Aitronos;

/// <summary>
/// One event of a streamed response. Error events are not yielded: they raise
/// <see cref="ThreadsStreamException"/> with the text received so far. Events of unknown types are skipped.
/// </summary>
public sealed class AitronosStreamEvent
{
    /// <summary>The event type as sent (<c>response.content_delta</c>, ...).</summary>
    public string EventType { get; set; } = "";

    /// <summary>What the event means.</summary>
    public AitronosStreamEventKind Kind { get; set; }

    /// <summary>The new text, for <see cref="AitronosStreamEventKind.ContentDelta"/>; the part's whole text, for <see cref="AitronosStreamEventKind.ContentDone"/>.</summary>
    public string? Delta { get; set; }

    /// <summary>The response id, when the event carries it.</summary>
    public string? ResponseId { get; set; }

    /// <summary>The thread id, when the event carries it.</summary>
    public string? ThreadId { get; set; }

    /// <summary>The finished response, for <see cref="AitronosStreamEventKind.Completed"/>.</summary>
    public AitronosResponse? Response { get; set; }

    /// <summary>The event's JSON as sent.</summary>
    public JsonElement Raw { get; set; }
}
