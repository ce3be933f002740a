namespace ThreadClient;

/// <summary>The opt-in circuit breaker (<c>ThreadsClientOptions.Resilience.CircuitBreaker</c>) is open for the host: the call was not sent.</summary>
public sealed class ThreadsCircuitOpenException : ThreadsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider the call went to.</param>
    /// <param name="retryAfter">When the breaker lets a call through again, when known.</param>
    /// <param name="innerException">Polly's exception.</param>
    public ThreadsCircuitOpenException(string? provider, TimeSpan? retryAfter, Exception innerException)
        : base(provider, $"{provider ?? "The service"}: the circuit breaker is open after repeated failures; the call was not sent" + (retryAfter is { } wait ? $" (it lets a call through again in {wait.TotalSeconds:0.#} s)." : "."), innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>When the breaker lets a call through again, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
