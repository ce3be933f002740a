namespace ThreadClient.Sessions;

/// <summary>What every session shares: the fallback policy, replay and proactive rollover. Each provider adds its own settings.</summary>
public abstract class ThreadSessionOptions
{
    private protected ThreadSessionOptions(SessionLimits limits) => Limits = limits;

    /// <summary>What to do when the thread is gone. Default <see cref="ThreadFallbackPolicy.StartNewThread"/>.</summary>
    public ThreadFallbackPolicy Fallback { get; set; } = ThreadFallbackPolicy.StartNewThread;

    /// <summary>
    /// How many recent turns the local transcript keeps and replays, when replay (a service that keeps no
    /// thread, a stateless degrade, a thread replaced with replay) is on. Default 20. With none of them,
    /// no transcript is kept. The window moves in steps: see <see cref="ReplayLowWaterMark"/>.
    /// </summary>
    public int ReplayTurns { get; set; } = 20;

    /// <summary>
    /// Where the replay window falls back to when the transcript goes over <see cref="ReplayTurns"/> or
    /// <see cref="ReplayCharacters"/>, as a share of each: the oldest turns are dropped until both are
    /// at or under it, and nothing more is dropped until the budget is exceeded again. What is replayed
    /// thus stays byte-identical for many turns, so a provider's prompt cache can serve it. Default 0.5
    /// (20 turns fall back to 10); 1 drops one turn at a time (the window slides on every turn, and
    /// every request changes the prefix). Between 0 (exclusive) and 1.
    /// </summary>
    public double ReplayLowWaterMark { get; set; } = 0.5;

    /// <summary>
    /// Summarises the turns that leave the replay window into one summary that the session replays after
    /// the instructions (kept in <see cref="SessionRecord.Summary"/>), so that the conversation is
    /// compacted instead of forgotten. Opt-in: <see langword="null"/> (the default) drops the turns.
    /// </summary>
    public IConversationSummarizer? Summarizer { get; set; }

    /// <summary>
    /// The <c>prompt_cache_key</c> a session sends on every request of its conversation where the provider
    /// takes one (Perplexity's Agent API, and a migrated Perplexity session): a random key kept in the
    /// record (the default), one <see cref="PromptCacheKeyFactory"/> derives, or none. A key set in the
    /// session's <c>ConfigureRequest</c> wins.
    /// </summary>
    public PromptCacheKeyPolicy PromptCacheKeys { get; set; }

    /// <summary>Derives the <c>prompt_cache_key</c> when <see cref="PromptCacheKeys"/> is <see cref="PromptCacheKeyPolicy.Derived"/>. Derive it so that it reveals nothing (a keyed hash, not a user id).</summary>
    public Func<PromptCacheKeyContext, string>? PromptCacheKeyFactory { get; set; }

    /// <summary>
    /// The most characters of transcript a replaying request carries, the new turn included; the
    /// oldest turns go first (the new turn itself is always sent). Default 100,000 (about 25,000 tokens).
    /// </summary>
    public int ReplayCharacters { get; set; } = 100_000;

    /// <summary>
    /// Keep the transcript (the last <see cref="ReplayTurns"/> turns, within <see cref="ReplayCharacters"/>)
    /// in the session record even when no policy needs it: for your own display, or, as the
    /// <c>IChatClient</c> adapters do, to recognise a caller that passes the whole history again.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool KeepTranscript { get; set; }

    /// <summary>When to roll over to a new thread before sending. Provider defaults apply.</summary>
    public SessionLimits Limits { get; set; }

    /// <summary>
    /// Copies the settings every kind of session shares from <paramref name="other"/>: <see cref="Fallback"/>,
    /// the replay window (<see cref="ReplayTurns"/>, <see cref="ReplayCharacters"/>, <see cref="ReplayLowWaterMark"/>),
    /// <see cref="KeepTranscript"/>, <see cref="Summarizer"/> and the prompt cache keys; not <see cref="Limits"/>,
    /// which are the provider's. For building one provider's options from another's (the IChatClient adapters do).
    /// </summary>
    /// <param name="other">The options to copy from.</param>
    public void CopySharedSettingsFrom(ThreadSessionOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Fallback = other.Fallback;
        ReplayTurns = other.ReplayTurns;
        ReplayCharacters = other.ReplayCharacters;
        ReplayLowWaterMark = other.ReplayLowWaterMark;
        KeepTranscript = other.KeepTranscript;
        Summarizer = other.Summarizer;
        PromptCacheKeys = other.PromptCacheKeys;
        PromptCacheKeyFactory = other.PromptCacheKeyFactory;
    }

    /// <summary>Whether a rollover before a limit replays the transcript (it does when <see cref="Fallback"/> replays).</summary>
    internal virtual bool Replays => Fallback == ThreadFallbackPolicy.StartNewThreadAndReplay;

    internal virtual bool DegradesWhenThreadingUnavailable => false;

    internal virtual bool RollsOverWhenNotWritable => false;

    internal bool KeepsTranscript => ReplayTurns > 0 && (KeepTranscript || Replays || DegradesWhenThreadingUnavailable);

    internal virtual void Validate(string name)
    {
        if (!Enum.IsDefined(Fallback))
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(Fallback), Fallback, name + ".Fallback is not a known policy.");
        }

        if (ReplayTurns is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ReplayTurns), ReplayTurns, name + ".ReplayTurns must be between 0 and 1000.");
        }

        if (ReplayCharacters < 1)
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ReplayCharacters), ReplayCharacters, name + ".ReplayCharacters must be at least 1.");
        }

        if (!(ReplayLowWaterMark > 0 && ReplayLowWaterMark <= 1))
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ReplayLowWaterMark), ReplayLowWaterMark, name + ".ReplayLowWaterMark must be more than 0 and at most 1.");
        }

        if (!Enum.IsDefined(PromptCacheKeys))
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(PromptCacheKeys), PromptCacheKeys, name + ".PromptCacheKeys is not a known policy.");
        }

        if (PromptCacheKeys == PromptCacheKeyPolicy.Derived && PromptCacheKeyFactory is null)
        {
            throw new ArgumentException(name + ".PromptCacheKeys is Derived but " + name + ".PromptCacheKeyFactory is not set.", name + "." + nameof(PromptCacheKeyFactory));
        }

        ArgumentNullException.ThrowIfNull(Limits, name + "." + nameof(Limits));
        Limits.Validate(name + ".Limits.");
    }

    /// <summary>A validated copy, so that later edits by the caller do not change a running session.</summary>
    internal abstract ThreadSessionOptions Snapshot();
}
