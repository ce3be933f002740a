namespace ThreadClient.Http;

/// <summary>When a paid generation call (chat completion, model response) may be sent again.</summary>
public enum RetryMode
{
    /// <summary>
    /// Only when the service provably did not process it: 429, 503, <c>x-should-retry: true</c>, or a
    /// connection that failed before the request was sent. A retried generation is billed twice. The default.
    /// </summary>
    Safe = 0,

    /// <summary>Also after 408, 500, 502, 504, a timed-out attempt, or a connection broken after sending.</summary>
    Always,
}
