namespace ThreadClient.Sessions;

/// <summary>Why a session moved to a new thread (or a response chain restarted).</summary>
public enum ThreadReplacementReason
{
    /// <summary>The service answered 404 for the thread: expired or deleted.</summary>
    ThreadNotFound = 0,

    /// <summary>The service rejected the thread id as invalid.</summary>
    InvalidThreadId,

    /// <summary>The service rejected the previous response id (expired or unknown).</summary>
    PreviousResponseUnavailable,

    /// <summary>The thread is locked or archived and the session was allowed to roll over.</summary>
    ThreadNotWritable,

    /// <summary>The thread was about to reach a documented limit (messages, age, inactivity) and was rolled over before sending.</summary>
    LimitReached,

    /// <summary>Threading is unavailable for the account; the session now sends stateless calls that carry its transcript.</summary>
    ThreadingUnavailable,

    /// <summary>The endpoint was retired (Perplexity chat completions): the conversation moved to its successor (the Agent API), carrying its transcript.</summary>
    EndpointRetired,
}
