using System.Globalization;
using System.Net.Http.Headers;

namespace ThreadClient.Http;

/// <summary>Reads how long a service asked the caller to wait: <c>retry-after-ms</c> first, then <c>Retry-After</c> (seconds or an HTTP date).</summary>
internal static class RetryAfterHeader
{
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
