using Microsoft.Extensions.Logging;
using ThreadClient.Diagnostics;

namespace ThreadClient.Sessions;

/// <summary>
/// Reports a session store's outage once: the first failed read or write logs a Warning, further failures
/// of the same outage log at Debug, and the first success after it logs that the store is back. The state
/// is one <see cref="int"/> the session owns (0 reachable, 1 failing), so an idle session costs nothing more.
/// A failed read continues from the session's own state; a failed write keeps the turn (it succeeded on
/// the server), and the next successful write stores it.
/// </summary>
internal static class StoreHealth
{
    public static void Failed(ref int failing, ILogger logger, string provider, string operation, Exception exception)
    {
        if (ThreadsTelemetry.SessionStoreFailures.Enabled)
        {
            ThreadsTelemetry.SessionStoreFailures.Add(1, new KeyValuePair<string, object?>("threadclient.store.operation", operation));
        }

        if (Interlocked.Exchange(ref failing, 1) == 0)
        {
            Log.StoreUnavailable(logger, provider, operation, exception);
        }
        else
        {
            Log.StoreStillUnavailable(logger, provider, operation, exception.Message);
        }
    }

    public static void Succeeded(ref int failing, ILogger logger, string provider)
    {
        if (Volatile.Read(ref failing) == 1 && Interlocked.Exchange(ref failing, 0) == 1)
        {
            Log.StoreBack(logger, provider);
        }
    }
}
