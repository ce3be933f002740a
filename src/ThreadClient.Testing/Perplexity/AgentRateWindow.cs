using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// The Agent API's per-minute request window, as every live reply reports it: <c>x-ratelimit-limit</c>,
/// <c>-remaining</c>, <c>-reset</c> (unix seconds, the end of the window) and <c>-used</c>. The count is
/// kept on the emulator's clock; past the limit a request answers 429 only when
/// <see cref="EmulatorOptions.EnforceAgentRateLimit"/> is on.
/// </summary>
internal sealed class AgentRateWindow
{
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private long _windowStart = long.MinValue;
    private int _used;

    public AgentRateWindow(EmulatorOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windowStart = long.MinValue;
            _used = 0;
        }
    }

    /// <summary>Counts one request, writes the window's headers, and says whether the request is over the limit.</summary>
    /// <param name="response">The reply the headers go on.</param>
    /// <param name="exhausted">Report the window as used up (an injected 429).</param>
    /// <returns>Whether the request is over the limit (and the limit is enforced).</returns>
    public bool Count(HttpResponse response, bool exhausted)
    {
        var limit = Math.Max(1, _options.AgentRequestsPerMinute);
        int used;
        long reset;
        lock (_gate)
        {
            var now = _clock.GetUtcNow().ToUnixTimeSeconds();
            var window = now - (now % 60);
            if (window != _windowStart)
            {
                (_windowStart, _used) = (window, 0);
            }

            used = ++_used;
            reset = window + 60;
        }

        var over = used > limit;
        used = exhausted ? Math.Max(used, limit) : Math.Min(used, limit);
        response.Headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = (limit - used).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        return over && _options.EnforceAgentRateLimit;
    }
}
