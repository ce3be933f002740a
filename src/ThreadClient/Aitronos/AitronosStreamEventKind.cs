namespace ThreadClient.Aitronos;

/// <summary>What an event of a streamed response means.</summary>
public enum AitronosStreamEventKind
{
    /// <summary>The response was created (<c>response.created</c>).</summary>
    Created,

    /// <summary>New text (<c>response.content_delta</c>); see <see cref="AitronosStreamEvent.Delta"/>.</summary>
    ContentDelta,

    /// <summary>The response is complete (<c>response.completed</c>); see <see cref="AitronosStreamEvent.Response"/>.</summary>
    Completed,

    /// <summary>A keep-alive during a long generation (<c>response.heartbeat</c>).</summary>
    Heartbeat,

    /// <summary><c>response.output_text.done</c> (or <c>response.content_done</c>): a part's whole text in <see cref="AitronosStreamEvent.Delta"/>, which the fold uses when the deltas were missed.</summary>
    ContentDone,
}
