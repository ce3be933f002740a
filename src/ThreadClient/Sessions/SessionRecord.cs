namespace ThreadClient.Sessions;

/// <summary>
/// What a session store keeps per conversation key: enough to resume the conversation on any app
/// instance. The conversation id opens the conversation's history: keep records where you keep
/// other user secrets.
/// </summary>
public sealed record SessionRecord
{
    /// <summary>The provider: <c>Perplexity</c> or <c>Aitronos</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>A thread or a response chain.</summary>
    public SessionKind Kind { get; init; }

    /// <summary>The thread id, or the chain's last response id; <see langword="null"/> before the first turn (or when stateless).</summary>
    public string? ConversationId { get; init; }

    /// <summary>Whether the session fell back to stateless calls (threading unavailable).</summary>
    public bool IsStateless { get; init; }

    /// <summary>When the session was started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current thread (or chain) received its first turn from this session, when known.</summary>
    public DateTimeOffset? ThreadStartedAt { get; init; }

    /// <summary>When the last turn completed; <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Turns completed by the session, across threads.</summary>
    public int TurnCount { get; init; }

    /// <summary>Messages (inputs and replies) in the current thread sent through this session.</summary>
    public int MessageCount { get; init; }

    /// <summary>
    /// The conversation's recent turns (each user turn's messages, then the reply), oldest first, within
    /// the session's replay budget; <see langword="null"/> when the session keeps none. Sessions replay it
    /// where the service keeps no state (the Perplexity Agent API), when a thread is replaced with
    /// replay, and when chat completions are retired. It is the conversation's text: keep records where
    /// you keep other user data.
    /// </summary>
    public IReadOnlyList<TranscriptMessage>? Transcript { get; init; }

    /// <summary>How many of the conversation's earlier turns the replay budget has dropped from <see cref="Transcript"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int DroppedTurnCount { get; init; }

    /// <summary>
    /// The summary of the turns that left the replay window, when the session compacts
    /// (<see cref="ThreadSessionOptions.Summarizer"/>); replayed after the instructions. Conversation text:
    /// keep records where you keep other user data.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>How many of the conversation's earlier turns <see cref="Summary"/> stands for.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int SummarizedTurnCount { get; init; }

    /// <summary>The conversation's <c>prompt_cache_key</c> (random, or derived; see <see cref="ThreadSessionOptions.PromptCacheKeys"/>), the same on every request until a compaction rewrites the prefix.</summary>
    public string? PromptCacheKey { get; init; }

    /// <summary>How many times a compaction has replaced <see cref="PromptCacheKey"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int PromptCacheKeyGeneration { get; init; }

    /// <summary>
    /// The record's text (transcript and summary), encrypted, when a <see cref="Privacy.ProtectedThreadSessionStore"/>
    /// wrote it: <see cref="Transcript"/> and <see cref="Summary"/> are then absent from the stored value, and
    /// back once the record is read through the same key ring.
    /// </summary>
    public string? ProtectedText { get; init; }

    /// <summary>Whether the record holds conversation text (a transcript, a summary, or their encrypted form), which the text retention applies to.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HoldsText => Transcript is { Count: > 0 } || Summary is not null || ProtectedText is not null;

    /// <summary>What the conversation has cost so far (tokens, cache tokens, money), every turn and compaction added.</summary>
    public ConversationUsage? Usage { get; init; }

    /// <summary>Whether this is the record of a <paramref name="provider"/> conversation of <paramref name="kind"/>.</summary>
    /// <param name="provider">The provider, <c>Perplexity</c> or <c>Aitronos</c>.</param>
    /// <param name="kind">The kind of conversation.</param>
    /// <returns><see langword="true"/> when both match.</returns>
    public bool Holds(string provider, SessionKind kind) => Provider == provider && Kind == kind;

    /// <summary>This record, when it holds a <paramref name="provider"/> conversation of <paramref name="kind"/>; otherwise an <see cref="ArgumentException"/> naming both.</summary>
    internal SessionRecord Expect(string provider, SessionKind kind, string paramName) =>
        Holds(provider, kind) ? this : throw new ArgumentException($"The record holds a {Provider} {Kind} session, not a {provider} {kind} session.", paramName);
}
