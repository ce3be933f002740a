namespace ThreadClient.Sessions;

/// <summary>What every session shares: the fallback policy, replay and proactive rollover. Each provider adds its own settings.</summary>
public abstract class ThreadSessionOptions
{
    private protected ThreadSessionOptions(SessionLimits limits) => Limits = limits;

    /// <summary>What to do when the thread is gone. Default <see cref="ThreadFallbackPolicy.StartNewThread"/>.</summary>
    public ThreadFallbackPolicy Fallback { get; set; } = ThreadFallbackPolicy.StartNewThread;

    /// <summary>
    /// How many recent turns the local transcript keeps and replays into a new thread, when replay
    /// (or a stateless degrade) is on. Default 10. With neither, no transcript is kept.
    /// </summary>
    public int ReplayTurns { get; set; } = 10;

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

        ArgumentNullException.ThrowIfNull(Limits, name + "." + nameof(Limits));
        Limits.Validate(name + ".Limits.");
    }

    /// <summary>A validated copy, so that later edits by the caller do not change a running session.</summary>
    internal abstract ThreadSessionOptions Snapshot();
}
