namespace ThreadClient.Sessions;

/// <summary>A session moved to a new thread. Thread ids are sensitive: log them at Debug at most.</summary>
public sealed class ThreadReplacedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="oldConversationId">The thread (or response) id that was given up.</param>
    /// <param name="newConversationId">The id that replaced it; <see langword="null"/> when the session became stateless.</param>
    /// <param name="reason">Why.</param>
    /// <param name="replayedMessages">How many messages of the local transcript were replayed into the new thread.</param>
    /// <param name="cause">The error that triggered the replacement, when there was one.</param>
    public ThreadReplacedEventArgs(string? oldConversationId, string? newConversationId, ThreadReplacementReason reason, int replayedMessages, Exception? cause)
    {
        OldConversationId = oldConversationId;
        NewConversationId = newConversationId;
        Reason = reason;
        ReplayedMessages = replayedMessages;
        Cause = cause;
    }

    /// <summary>The thread (or response) id that was given up.</summary>
    public string? OldConversationId { get; }

    /// <summary>The id that replaced it; <see langword="null"/> when the session became stateless.</summary>
    public string? NewConversationId { get; }

    /// <summary>Why the session moved.</summary>
    public ThreadReplacementReason Reason { get; }

    /// <summary>How many messages of the local transcript were replayed into the new thread (0 without replay).</summary>
    public int ReplayedMessages { get; }

    /// <summary>The error that triggered the replacement; <see langword="null"/> for a proactive rollover.</summary>
    public Exception? Cause { get; }
}
