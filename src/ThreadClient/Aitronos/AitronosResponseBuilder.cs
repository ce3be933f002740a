using System.Text;
using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>
/// Folds the events of a streamed model response into the <see cref="AitronosResponse"/> the
/// service would have returned without streaming: the completed event's response when it carries
/// one, with its text from the deltas when it carries none.
/// </summary>
public sealed class AitronosResponseBuilder : IReplyFold<AitronosStreamEvent, AitronosResponse>
{
    private readonly StringBuilder _text = new();
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
            _text.Append(item.Delta);
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
