namespace ThreadClient.Sessions;

/// <summary>
/// What one request of a turn sends: on which conversation (null: start one), the messages (the new
/// turn, after any replayed transcript), and whether it is stateless or already a fallback.
/// <see cref="IsFirstOfSession"/> is true for a new thread and for the first turn of a resumed one,
/// the turns on which a provider introduces the thread (Aitronos sends its metadata).
/// </summary>
internal sealed record TurnPlan<TMessage>(string? ConversationId, bool StartsConversation, IReadOnlyList<TMessage> Messages, bool Stateless, bool IsFallback)
{
    public bool IsFirstOfSession { get; init; } = StartsConversation;

    /// <summary>How many earlier turns of the transcript the plan's messages replay.</summary>
    public int ReplayedTurns { get; init; }

    /// <summary>How many of the conversation's earlier turns the model will not see (left out by the replay budget), when the plan replays.</summary>
    public int DroppedTurns { get; init; }

    /// <summary>The conversation's <c>prompt_cache_key</c>, for a provider that takes one.</summary>
    public string? PromptCacheKey { get; init; }
}
