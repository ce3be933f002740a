namespace ThreadClient;

/// <summary>The service refused to add to a locked or archived thread (or to change an archived one).</summary>
public sealed class ThreadNotWritableException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public ThreadNotWritableException(ThreadsApiError error)
        : base(error, "the thread is locked or archived and does not accept this change. Unlock it, or continue in a new thread.")
    {
    }
}
