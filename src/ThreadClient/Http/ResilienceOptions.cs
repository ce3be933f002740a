namespace ThreadClient.Http;

/// <summary>
/// Retry and timeout settings, with defaults chosen for slow, paid, stateful LLM calls
/// (see the README's "Reliability" section). Bindable from configuration.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Retries after the first attempt. Default 2 (three attempts); 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Whether the SDK's pipeline (retries, safe mode, timeouts, circuit breaker) runs around every call,
    /// whichever way the client is built. Default <see langword="true"/>. Set <see langword="false"/> only
    /// when your own <see cref="HttpClient"/> handlers do all of that: then the SDK sends each request once,
    /// through your client, with no timeout of its own.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first backoff step; each retry doubles it. Default 0.5 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest backoff step. Default 8 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>When a paid generation may be retried. Default <see cref="Http.RetryMode.Safe"/>.</summary>
    public RetryMode RetryMode { get; set; } = RetryMode.Safe;

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one is not waited for, and the rate-limit error surfaces with its value. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt of a generation, body included. Default 10 minutes.</summary>
    public TimeSpan GenerationAttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time allowed for one attempt of a thread read, update or delete, body included. Default 30 s.</summary>
    public TimeSpan CrudAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for a stream's response headers to arrive. Default 60 s.</summary>
    public TimeSpan StreamHeadersTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Longest silence allowed between two reads of a stream's body once it has started; any bytes
    /// (heartbeats and comments included) reset it. Default 120 s. A stream is never retried after its first byte.
    /// </summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The circuit breaker, off by default.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    internal void Validate()
    {
        const string prefix = "ThreadsClientOptions.Resilience.";
        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxRetries), MaxRetries, "MaxRetries must be between 0 and 10.");
        }

        RequirePositive(BaseDelay, prefix + nameof(BaseDelay));
        RequirePositive(MaxDelay, prefix + nameof(MaxDelay));
        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxDelay), MaxDelay, "MaxDelay must not be shorter than BaseDelay.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MaxRetryAfter), MaxRetryAfter, "MaxRetryAfter must not be negative.");
        }

        RequireTimeout(GenerationAttemptTimeout, prefix + nameof(GenerationAttemptTimeout));
        RequireTimeout(CrudAttemptTimeout, prefix + nameof(CrudAttemptTimeout));
        RequireTimeout(StreamHeadersTimeout, prefix + nameof(StreamHeadersTimeout));
        RequireTimeout(StreamIdleTimeout, prefix + nameof(StreamIdleTimeout));
        ArgumentNullException.ThrowIfNull(CircuitBreaker, prefix + nameof(CircuitBreaker));
        CircuitBreaker.Validate(prefix + nameof(CircuitBreaker) + ".");
    }

    internal static void RequirePositive(TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(setting, value, setting + " must be greater than zero.");
        }
    }

    internal static void RequireTimeout(TimeSpan value, string setting)
    {
        if (value <= TimeSpan.FromMilliseconds(10) || value >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(setting, value, setting + " must be more than 10 ms and less than 24 hours.");
        }
    }
}
