using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// One event of a streamed response. Error events are not yielded: they raise
/// <see cref="ThreadsStreamException"/> with the text received so far. Events of unknown types are skipped.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AitronosStreamEvent>))]
public sealed class AitronosStreamEvent : IWireModel<AitronosStreamEvent>
{
    private static readonly JsonFields<AitronosStreamEvent> Table = new JsonFields<AitronosStreamEvent>(static () => new())
        .Add("event", Wire.Known, static x => x.EventType, static (x, v) => x.EventType = v!).Or("type")
        .Add("response_id", Wire.Known, static x => x.ResponseId, static (x, v) => x.ResponseId = v).Or("responseId")
        .Add("thread_id", Wire.Known, static x => x.ThreadId, static (x, v) => x.ThreadId = v).Or("threadId")
        .Add("delta", AitronosTextConverter.Any, static x => x.Delta, static (x, v) => x.Delta = v)
        .Add("text", AitronosTextConverter.Any, static x => x.Text, static (x, v) => x.Text = v)
        .Add("id", Wire.Known, static x => x.Id, static (x, v) => x.Id = v)
        .Add("response", AitronosEventResponseConverter.Instance, static x => x.Response, static (x, v) => x.Response = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    private string _eventType = "";

    /// <summary>The event type as sent (<c>response.content_delta</c>, ...): the SSE <c>event:</c> line, or the JSON's <c>event</c> (or <c>type</c>).</summary>
    public string EventType
    {
        get => _eventType;
        set => _eventType = value ?? "";
    }

    /// <summary>What the event means.</summary>
    public AitronosStreamEventKind Kind { get; set; }

    /// <summary>The new text, for <see cref="AitronosStreamEventKind.ContentDelta"/>; the part's whole text, for <see cref="AitronosStreamEventKind.ContentDone"/>.</summary>
    public string? Delta { get; set; }

    /// <summary>The response id, when the event carries it.</summary>
    public string? ResponseId { get; set; }

    /// <summary>The thread id, when the event carries it.</summary>
    public string? ThreadId { get; set; }

    /// <summary>
    /// The finished response, for <see cref="AitronosStreamEventKind.Completed"/>; the response so far, when another
    /// event nests it; on the deployed Freddy API, whose events carry their text in <c>response</c>, a response
    /// holding only that text.
    /// </summary>
    public AitronosResponse? Response { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The event's <c>text</c> (a done event's whole text; a delta event's text when it has no <c>delta</c>).</summary>
    internal string? Text { get; set; }

    /// <summary>The event's own <c>id</c> (a created event's response id).</summary>
    internal string? Id { get; set; }

    /// <summary>The builder that reads every event of a stream into this one object, when the SDK folds its own stream.</summary>
    internal AitronosResponseBuilder? Fold { get; init; }

    /// <summary>The table this type is read and written by (for the fold's variant of it).</summary>
    internal static JsonFields<AitronosStreamEvent> WireFields => Table;

    static JsonFields<AitronosStreamEvent> IWireModel<AitronosStreamEvent>.Fields => Table;
}
