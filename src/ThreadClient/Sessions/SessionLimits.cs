namespace ThreadClient.Sessions;

/// <summary>
/// When a session rolls over to a new thread before sending, so that it never hits a service
/// limit mid-conversation. Each value is the threshold at which it rolls; <see langword="null"/> turns that check off.
/// </summary>
public sealed record SessionLimits
{
    /// <summary>No proactive rollover.</summary>
    public static SessionLimits None { get; } = new();

    /// <summary>
    /// One step short of Aitronos' documented limits: 10,000 messages per thread (rolls when a turn
    /// would pass it), 364 days of thread age (the limit is 1 year), 89 days idle (messages are kept
    /// for 90 days of inactivity).
    /// </summary>
    public static SessionLimits Aitronos { get; } = new()
    {
        MaxMessages = 10_000,
        MaxThreadAge = TimeSpan.FromDays(364),
        MaxIdle = TimeSpan.FromDays(89),
    };

    /// <summary>The most messages (inputs and replies) a thread may hold; a turn that would pass it goes to a new thread.</summary>
    public int? MaxMessages { get; init; }

    /// <summary>The oldest a thread may be, from its first turn in this session, before the next turn goes to a new thread.</summary>
    public TimeSpan? MaxThreadAge { get; init; }

    /// <summary>The longest a thread may sit unused before the next turn goes to a new thread.</summary>
    public TimeSpan? MaxIdle { get; init; }

    internal void Validate(string prefix)
    {
        if (MaxMessages is < 2)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxMessages), MaxMessages, prefix + "MaxMessages must be at least 2 when set.");
        }

        if (MaxThreadAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxThreadAge), age, prefix + "MaxThreadAge must be positive when set.");
        }

        if (MaxIdle is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxIdle), idle, prefix + "MaxIdle must be positive when set.");
        }
    }
}
