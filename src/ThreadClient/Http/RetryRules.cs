using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;

namespace ThreadClient.Http;

/// <summary>Which outcomes are retried, and after how long: RELIABILITY.md's table, in code.</summary>
internal sealed class RetryRules
{
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _clock;
    private readonly Func<double> _jitter;

    public RetryRules(ResilienceOptions options, TimeProvider clock, Func<double> jitter)
    {
        _options = options;
        _clock = clock;
        _jitter = jitter;
    }

    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, RequestProfile profile)
    {
        var paid = RequestProfiles.IsUnsafeToRepeat(profile) && _options.RetryMode == RetryMode.Safe;
        if (outcome.Result is { } response)
        {
            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                var value = values.FirstOrDefault();
                if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return WithinRetryAfterCap(response);
                }
            }

            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => WithinRetryAfterCap(response),
                HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => !paid,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            HttpRequestException ex when NotSent(ex) => true,
            HttpRequestException or TimeoutRejectedException or IOException => !paid,
            _ => false,
        };
    }

    public TimeSpan Delay(int attempt, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response && RetryAfterHeader.Read(response, _clock) is { } asked)
        {
            // Never sooner than the server asked; up to 25 % later, so that many clients told the
            // same Retry-After do not all come back in the same instant.
            return asked + TimeSpan.FromTicks((long)(asked.Ticks * 0.25 * _jitter()));
        }

        var step = TimeSpan.FromTicks(Math.Min(_options.BaseDelay.Ticks * (1L << Math.Min(attempt, 30)), _options.MaxDelay.Ticks));

        // Jitter spreads retries but never below 75 % of the step, so the first retry never fires at ~0 ms.
        return TimeSpan.FromTicks((long)(step.Ticks * (0.75 + (0.25 * _jitter()))));
    }

    /// <summary>What the opt-in circuit breaker counts as a failure: 5xx replies and timeouts, never 429 or another 4xx.</summary>
    public static bool CountsAgainstCircuit(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? (int)response.StatusCode >= 500
            : outcome.Exception is TimeoutRejectedException;

    private bool WithinRetryAfterCap(HttpResponseMessage response) =>
        RetryAfterHeader.Read(response, _clock) is not { } asked || asked <= _options.MaxRetryAfter;

    // The connection was never established, so the server cannot have seen the request.
    internal static bool NotSent(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };
}
