namespace ThreadClient.Sessions;

/// <summary>The outcome of one session turn: the provider's reply and where the conversation stands after it.</summary>
/// <typeparam name="TReply">The provider's reply type.</typeparam>
public sealed class SessionReply<TReply>
{
    /// <summary>Creates the outcome (public so that tests of calling code can build one).</summary>
    /// <param name="reply">The provider's reply.</param>
    /// <param name="text">The reply text.</param>
    /// <param name="conversationId">The session's thread (or last response) id after the turn.</param>
    /// <param name="replacement">Set when the turn moved the session to a new thread.</param>
    /// <param name="isStateless">Whether the turn was sent without server-side state.</param>
    public SessionReply(TReply reply, string text, string? conversationId, ThreadReplacedEventArgs? replacement, bool isStateless)
    {
        Reply = reply;
        Text = text;
        ConversationId = conversationId;
        Replacement = replacement;
        IsStateless = isStateless;
    }

    /// <summary>The provider's reply, with everything it carried (citations, usage, raw JSON).</summary>
    public TReply Reply { get; }

    /// <summary>The reply text.</summary>
    public string Text { get; }

    /// <summary>The session's thread id (or, for a response chain, the last response id) after this turn.</summary>
    public string? ConversationId { get; }

    /// <summary>Whether this turn went to a new thread because the old one was gone, not writable, at a limit, or threading was unavailable.</summary>
    public bool ThreadReplaced => Replacement is not null;

    /// <summary>The details of the move when <see cref="ThreadReplaced"/>; otherwise <see langword="null"/>.</summary>
    public ThreadReplacedEventArgs? Replacement { get; }

    /// <summary>Whether the turn was sent without server-side state, carrying the local transcript instead.</summary>
    public bool IsStateless { get; }

    /// <summary>How many earlier turns of the session's transcript this turn's request replayed (0 when the server held the context).</summary>
    public int ReplayedTurns { get; init; }

    /// <summary>
    /// How many of the conversation's earlier turns the model did not see on this turn because the
    /// replay budget (<see cref="ThreadSessionOptions.ReplayTurns"/>, <see cref="ThreadSessionOptions.ReplayCharacters"/>)
    /// left them out, the oldest first. 0 when nothing was dropped or the server held the context.
    /// </summary>
    public int DroppedTurns { get; init; }

    /// <summary>
    /// How many old turns left the stored transcript after this turn because it went over the replay
    /// budget and the window stepped down to its low-water mark (0 on most turns: the replayed prefix
    /// then stays the same, and a prompt cache can serve it).
    /// </summary>
    public int TrimmedTurns { get; init; }

    /// <summary>Whether the replay window stepped after this turn (<see cref="TrimmedTurns"/> &gt; 0): the next request's prefix is new.</summary>
    public bool WindowStepped => TrimmedTurns > 0;

    /// <summary>The compaction this turn triggered (the window stepped and a summariser is set); <see langword="null"/> otherwise.</summary>
    public SessionCompaction? Compaction { get; init; }

    /// <summary>What the turn's request cost, as the provider reported it; <see langword="null"/> when it reported nothing.</summary>
    public TurnUsage? Usage { get; init; }

    /// <summary>The <c>prompt_cache_key</c> the turn was sent with, when the provider takes one.</summary>
    public string? PromptCacheKey { get; init; }

    /// <summary>Whether the answer was cut off before it was finished (see <see cref="CutOffReason"/>); the text is what came and was recorded as the turn.</summary>
    public bool IsCutOff => CutOffReason is not null;

    /// <summary>
    /// Why the answer stopped early, as the service said: <c>max_output_tokens</c> (Agent API status
    /// <c>incomplete</c>; raise <c>AgentRequest.MaxOutputTokens</c>) or <c>length</c> (chat completions'
    /// <c>finish_reason</c>; raise <c>MaxTokens</c>). <see langword="null"/> when the answer is whole.
    /// </summary>
    public string? CutOffReason { get; init; }

    /// <summary>
    /// Whether the turn's record was written to the session store the session is bound to (a session by
    /// key); <see langword="false"/> for a session bound to none, and when the write failed (<see cref="StoreError"/>).
    /// </summary>
    public bool IsSaved { get; init; }

    /// <summary>
    /// Why the record could not be written, when the write failed: the turn itself succeeded, but another
    /// app instance reading the store does not know it until a later turn's write succeeds.
    /// </summary>
    public Exception? StoreError { get; init; }

    /// <summary>A copy with the turn's compaction, or what its save did.</summary>
    internal SessionReply<TReply> With(SessionCompaction? compaction = null, bool? saved = null, Exception? storeError = null) => new(Reply, Text, ConversationId, Replacement, IsStateless)
    {
        ReplayedTurns = ReplayedTurns,
        DroppedTurns = DroppedTurns,
        TrimmedTurns = TrimmedTurns,
        Compaction = compaction ?? Compaction,
        Usage = Usage,
        PromptCacheKey = PromptCacheKey,
        CutOffReason = CutOffReason,
        IsSaved = saved ?? IsSaved,
        StoreError = storeError ?? StoreError,
    };
}
