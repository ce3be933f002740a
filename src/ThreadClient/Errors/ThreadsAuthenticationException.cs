namespace ThreadClient;

/// <summary>The service refused the credentials (401) or the permission (403).</summary>
public class ThreadsAuthenticationException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public ThreadsAuthenticationException(ThreadsApiError error)
        : base(error, "the service refused the credentials or the permission; check the API key (its value is never shown here).")
    {
    }

    /// <summary>Creates the exception with a more specific summary.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="summary">What the failure means to the caller.</param>
    protected ThreadsAuthenticationException(ThreadsApiError error, string summary)
        : base(error, summary)
    {
    }
}
