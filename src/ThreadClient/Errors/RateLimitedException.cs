namespace ThreadClient;

/// <summary>
/// The service is rate limiting (429) and the SDK did not, or could no longer, wait and retry.
/// <see cref="ThreadsApiException.RetryAfter"/> says how long the service asked to wait, when it said.
/// </summary>
public sealed class RateLimitedException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public RateLimitedException(ThreadsApiError error)
        : base(error, error?.RetryAfter is { } wait
            ? $"rate limited; the service asked to wait {wait.TotalSeconds:0.###} s."
            : "rate limited.")
    {
    }
}
