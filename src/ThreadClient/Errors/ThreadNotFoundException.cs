namespace ThreadClient;

/// <summary>The service does not know the thread (404): it expired, was deleted, or never existed.</summary>
public sealed class ThreadNotFoundException : ThreadGoneException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public ThreadNotFoundException(ThreadsApiError error)
        : base(error, "the thread was not found; it may have expired or been deleted. Start a new thread and send the turn again.")
    {
    }
}
