using System.Globalization;
using System.Net.Http.Headers;

namespace ThreadClient.Http;

/// <summary>
/// Reads how long a service asked the caller to wait: <c>retry-after-ms</c> first, then <c>Retry-After</c>
/// (seconds or an HTTP date); a 429 with neither waits until its <c>x-ratelimit-reset</c> (Perplexity's
/// Agent API documents no <c>Retry-After</c>, only the reset time).
/// </summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider clock) =>
        Read(response.Headers, clock)
        ?? (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? ThreadsRateLimits.WaitUntilReset(response.Headers, clock) : null);

    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider clock)
    {
        if (headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0 && double.IsFinite(ms))
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                var wait = date - clock.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return null;
    }
}
