using System.Globalization;
using System.Net.Http.Headers;
using ThreadClient.Http;

namespace ThreadClient;

/// <summary>
/// The rate-limit headers of a reply, as the provider sent them; each is <see langword="null"/> when
/// the reply did not carry it. Perplexity sends <c>x-ratelimit-limit</c>, <c>-remaining</c>,
/// <c>-reset</c> (unix seconds) and <c>-used</c>; OpenAI-style servers send the same per requests and
/// per tokens (<c>x-ratelimit-limit-requests</c>, <c>-reset-tokens</c>, ...), which are read too.
/// </summary>
public sealed record ThreadsRateLimits
{
    /// <summary>A value with no header read.</summary>
    public static ThreadsRateLimits None { get; } = new();

    /// <summary>Requests allowed in the window (<c>x-ratelimit-limit</c>).</summary>
    public long? Limit { get; init; }

    /// <summary>Requests left in the window (<c>x-ratelimit-remaining</c>).</summary>
    public long? Remaining { get; init; }

    /// <summary>When the window resets (<c>x-ratelimit-reset</c>, sent as unix seconds).</summary>
    public DateTimeOffset? Reset { get; init; }

    /// <summary>Requests used in the window (<c>x-ratelimit-used</c>).</summary>
    public long? Used { get; init; }

    /// <summary>Requests allowed in the window (<c>x-ratelimit-limit-requests</c>, OpenAI's name).</summary>
    public long? LimitRequests { get; init; }

    /// <summary>Requests left in the window (<c>x-ratelimit-remaining-requests</c>).</summary>
    public long? RemainingRequests { get; init; }

    /// <summary>When the request window resets, as sent (for example <c>1s</c> or <c>6m0s</c>; <c>x-ratelimit-reset-requests</c>).</summary>
    public string? ResetRequests { get; init; }

    /// <summary>Tokens allowed in the window (<c>x-ratelimit-limit-tokens</c>).</summary>
    public long? LimitTokens { get; init; }

    /// <summary>Tokens left in the window (<c>x-ratelimit-remaining-tokens</c>).</summary>
    public long? RemainingTokens { get; init; }

    /// <summary>When the token window resets, as sent (<c>x-ratelimit-reset-tokens</c>).</summary>
    public string? ResetTokens { get; init; }

    /// <summary>Reads the headers of a reply; values are redacted like every other header.</summary>
    internal static ThreadsRateLimits Read(HttpResponseHeaders headers, ProviderEndpoint endpoint)
    {
        string? Header(string name) =>
            headers.TryGetValues(name, out var values) ? endpoint.Redact(string.Join(", ", values)) : null;
        long? Number(string name) =>
            long.TryParse(Header(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        return new ThreadsRateLimits
        {
            Limit = Number("x-ratelimit-limit"),
            Remaining = Number("x-ratelimit-remaining"),
            Reset = ResetOf(Header("x-ratelimit-reset")),
            Used = Number("x-ratelimit-used"),
            LimitRequests = Number("x-ratelimit-limit-requests"),
            RemainingRequests = Number("x-ratelimit-remaining-requests"),
            ResetRequests = Header("x-ratelimit-reset-requests"),
            LimitTokens = Number("x-ratelimit-limit-tokens"),
            RemainingTokens = Number("x-ratelimit-remaining-tokens"),
            ResetTokens = Header("x-ratelimit-reset-tokens"),
        };
    }

    /// <summary>How long until <c>x-ratelimit-reset</c>, when the reply carried one in the future.</summary>
    internal static TimeSpan? WaitUntilReset(HttpResponseHeaders headers, TimeProvider clock)
    {
        if (!headers.TryGetValues("x-ratelimit-reset", out var values) || ResetOf(values.FirstOrDefault()) is not { } reset)
        {
            return null;
        }

        var wait = reset - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static DateTimeOffset? ResetOf(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 253_402_300_799
            ? DateTimeOffset.UnixEpoch.AddSeconds(seconds)
            : null;
}
