namespace ThreadClient.Sessions;

/// <summary>
/// What a conversation has cost so far: every turn's <see cref="TurnUsage"/> and every compaction's,
/// summed, kept in the <see cref="SessionRecord"/> (so in the session store: another app instance, or the
/// same one after a restart, goes on counting).
/// </summary>
public sealed record ConversationUsage
{
    /// <summary>A conversation that has cost nothing yet.</summary>
    public static ConversationUsage None { get; } = new();

    /// <summary>Turns counted.</summary>
    public int Turns { get; init; }

    /// <summary>Compactions counted (each a request to the summariser).</summary>
    public int Compactions { get; init; }

    /// <summary>Input tokens, the cached ones included.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Input tokens served from the provider's prompt cache.</summary>
    public long CacheReadInputTokens { get; init; }

    /// <summary>Input tokens written to the provider's prompt cache.</summary>
    public long CacheCreationInputTokens { get; init; }

    /// <summary>What the conversation cost, in <see cref="Currency"/>, as far as the provider reported it.</summary>
    public decimal Cost { get; init; }

    /// <summary>The currency of <see cref="Cost"/>; <see langword="null"/> until a reply reported a cost.</summary>
    public string? Currency { get; init; }

    /// <summary>The share of input tokens served from the prompt cache (0 when no input was counted).</summary>
    public double CacheReadShare => InputTokens == 0 ? 0 : (double)CacheReadInputTokens / InputTokens;

    /// <summary>This usage with one more request added.</summary>
    /// <param name="usage">The request's usage; <see langword="null"/> adds nothing but the count.</param>
    /// <param name="compaction">Whether the request was a compaction rather than a turn.</param>
    /// <returns>The new totals.</returns>
    public ConversationUsage Add(TurnUsage? usage, bool compaction = false) => this with
    {
        Turns = Turns + (compaction ? 0 : 1),
        Compactions = Compactions + (compaction ? 1 : 0),
        InputTokens = InputTokens + (usage?.InputTokens ?? 0),
        OutputTokens = OutputTokens + (usage?.OutputTokens ?? 0),
        CacheReadInputTokens = CacheReadInputTokens + (usage?.CacheReadInputTokens ?? 0),
        CacheCreationInputTokens = CacheCreationInputTokens + (usage?.CacheCreationInputTokens ?? 0),
        Cost = Cost + (usage?.Cost ?? 0),
        Currency = Currency ?? usage?.Currency,
    };
}
