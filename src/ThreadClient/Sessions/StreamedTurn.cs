namespace ThreadClient.Sessions;

/// <summary>
/// A streamed session turn: enumerate it for the chunks as they arrive; once the enumeration has
/// finished, <see cref="Reply"/> holds the folded reply and the session's state after the turn.
/// Stopping early, or a failure, leaves the session as it was before the turn.
/// </summary>
/// <typeparam name="TChunk">The provider's stream item.</typeparam>
/// <typeparam name="TReply">The provider's reply type.</typeparam>
public sealed class StreamedTurn<TChunk, TReply> : IAsyncEnumerable<TChunk>
{
    private readonly Func<StreamedTurn<TChunk, TReply>, CancellationToken, IAsyncEnumerable<TChunk>> _run;
    private int _started;
    private SessionReply<TReply>? _reply;
    private string? _conversationId;

    internal StreamedTurn(Func<StreamedTurn<TChunk, TReply>, CancellationToken, IAsyncEnumerable<TChunk>> run) => _run = run;

    /// <summary>The turn's outcome, once the stream has been read to its end.</summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end.</exception>
    public SessionReply<TReply> Reply => _reply ?? throw new InvalidOperationException("The stream has not been read to its end yet: enumerate it first.");

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The stream was already enumerated; a turn is sent once.</exception>
    public IAsyncEnumerator<TChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A streamed turn can be enumerated once: each enumeration would send the turn again.");
        }

        return _run(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Reads the stream to its end and returns the turn's outcome.</summary>
    /// <param name="cancellationToken">Cancels the reading (with the token the turn was started with, if any); the session stays as it was.</param>
    /// <returns>The outcome, as <see cref="Reply"/>.</returns>
    public async Task<SessionReply<TReply>> ToReplyAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in this.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
        }

        return Reply;
    }

    /// <summary>
    /// The conversation this turn is on, as soon as it is known: once the turn has started, the thread
    /// it continues, a thread the client names itself (Aitronos), or, after a fallback before the first
    /// chunk, the new thread; <see langword="null"/> before the turn starts and while the server has yet
    /// to name a new thread (a new Perplexity thread: its id comes with a chunk). Never a replaced thread.
    /// </summary>
    public string? ConversationId => Volatile.Read(ref _conversationId);

    internal void Complete(SessionReply<TReply> reply) => _reply = reply;

    internal void Started(string? conversationId) => Volatile.Write(ref _conversationId, conversationId);
}
