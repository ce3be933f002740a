namespace ThreadClient.Http;

/// <summary>
/// The opt-in circuit breaker: after enough calls to one host fail with a 5xx or a timeout, calls to
/// that host fail fast with Polly's <c>BrokenCircuitException</c> for <see cref="BreakDuration"/>.
/// 429 and other 4xx replies never count as failures. One breaker per host, so a Perplexity outage
/// never stops Aitronos calls.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Whether the breaker runs. Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts must be seen within <see cref="SamplingDuration"/> before the ratio is judged. Default 20.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted. Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call is let through. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate(string prefix)
    {
        if (double.IsNaN(FailureRatio) || FailureRatio <= 0 || FailureRatio > 1)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(FailureRatio), FailureRatio, prefix + "FailureRatio must be greater than 0 and at most 1.");
        }

        if (MinimumThroughput < 2)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(MinimumThroughput), MinimumThroughput, prefix + "MinimumThroughput must be at least 2.");
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || SamplingDuration >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(SamplingDuration), SamplingDuration, prefix + "SamplingDuration must be at least 0.5 s and less than 24 hours.");
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration >= TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(BreakDuration), BreakDuration, prefix + "BreakDuration must be at least 0.5 s and less than 24 hours.");
        }
    }
}
