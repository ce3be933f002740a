using System.Text;
using System.Text.Json;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>
/// Folds the events of a streamed model response into the <see cref="AitronosResponse"/> the
/// service would have returned without streaming: the completed event's response when it carries
/// one, with its text from the deltas when it carries none.
/// </summary>
public sealed class AitronosResponseBuilder : IReplyFold<AitronosStreamEvent, AitronosResponse>
{
    // A stream the SDK folds itself is read through the event table with one field read differently,
    // as the other providers' folds are: every event goes into one event object of the builder's own,
    // and a delta's text is copied from the UTF-8 bytes, so that an event allocates nothing of its own.
    private static readonly JsonFields<AitronosStreamEvent> FoldTable =
        AitronosStreamEvent.WireFields.With("delta", static (ref reader, item) => item.Fold!._delta.Read(ref reader, AitronosTextConverter.Any));

    private readonly StringBuilder _text = new();
    private readonly FieldText _delta = new();
    private AitronosStreamEvent? _event;
    private AitronosResponse? _completed;
    private string? _done;
    private string? _responseId;
    private string? _threadId;

    /// <summary>The thread id seen so far (the latest non-null one).</summary>
    public string? ThreadId => _threadId;

    /// <summary>Adds one event.</summary>
    /// <param name="item">The next event of the stream.</param>
    public void Append(AitronosStreamEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _responseId = item.ResponseId ?? _responseId;
        _threadId = item.ThreadId ?? _threadId;
        if (item.Kind == AitronosStreamEventKind.ContentDelta)
        {
            // The builder's own event keeps its delta in the builder's buffer, and, without one, its text
            // (as an event's Delta falls back to its Text); its Delta property is not the event's.
            if (!ReferenceEquals(item, _event))
            {
                _text.Append(item.Delta);
            }
            else if (_delta.HasValue)
            {
                _text.Append(_delta.Span);
            }
            else
            {
                _text.Append(item.Text ?? AitronosStreamFrame.TextOnly(item.Response));
            }
        }
        else if (item.Kind == AitronosStreamEventKind.ContentDone)
        {
            // The part's whole text: it replaces what the deltas gave, which may have missed some.
            _done = (_done ?? "") + item.Delta;
        }
        else if (item.Kind == AitronosStreamEventKind.Completed)
        {
            _completed = item.Response;
        }
    }

    /// <summary>The completed event's response, once seen (for telemetry).</summary>
    internal AitronosResponse? Completed => _completed;

    /// <summary>The response id seen so far.</summary>
    internal string? ResponseId => _responseId;

    /// <summary>The text the deltas gave so far, for an exception raised mid-stream.</summary>
    internal string PartialText() => _text.ToString();

    /// <summary>Reads one event of the SDK's own stream into the builder's one event object (its delta kept by the builder), for <see cref="Append"/>.</summary>
    /// <exception cref="JsonException">The event is not a JSON object.</exception>
    internal AitronosStreamEvent ReadEvent(ReadOnlySpan<byte> json)
    {
        var item = _event ??= new AitronosStreamEvent { Fold = this };
        _delta.Clear();
        FoldTable.ParseAgain(json, item);
        return item;
    }

    /// <summary>Builds the response from everything appended so far.</summary>
    /// <returns>A new response (the completed event's own is left as it came); the builder can go on appending.</returns>
    public AitronosResponse Build()
    {
        var response = _completed?.Copy() ?? new AitronosResponse();
        response.Id ??= _responseId;
        response.ThreadId ??= _threadId;
        response.OutputText ??= _done ?? _text.ToString();
        return response;
    }
}
