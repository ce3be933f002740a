namespace ThreadClient;

/// <summary>
/// The thread (or previous response) a request named no longer exists or was never valid: a new
/// thread is needed. Thread sessions catch this to fall back; it is never retried as a transient fault.
/// </summary>
public abstract class ThreadGoneException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="summary">What the failure means to the caller.</param>
    protected ThreadGoneException(ThreadsApiError error, string summary)
        : base(error, summary)
    {
    }
}
