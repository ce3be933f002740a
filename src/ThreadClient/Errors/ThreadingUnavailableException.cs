namespace ThreadClient;

/// <summary>
/// The key is valid but the account cannot use threads: Perplexity answered 401 to a request with
/// <c>use_threads: true</c>. A kind of <see cref="ThreadsAuthenticationException"/>, raised instead of it when
/// the reply does not look like a credential failure, so a caller can fall back to calls without threads.
/// </summary>
public sealed class ThreadingUnavailableException : ThreadsAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public ThreadingUnavailableException(ThreadsApiError error)
        : base(error, "threading is not available for this account or key (the request had use_threads: true). Send without threads, or ask the provider to enable them.")
    {
    }
}
