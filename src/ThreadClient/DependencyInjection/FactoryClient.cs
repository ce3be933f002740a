namespace ThreadClient.DependencyInjection;

/// <summary>
/// The <see cref="IHttpClientFactory"/> client of one provider, taken from the factory and reused for at most
/// <paramref name="reuse"/> (by the client's clock; at most <see cref="MaxReuse"/>, and never longer than the
/// named client's <c>HandlerLifetime</c>), then taken again. A call allocates no client (the factory's
/// <c>CreateClient</c> allocates an <see cref="HttpClient"/> and a handler wrapper each time), while the factory's
/// handler rotation (<c>HandlerLifetime</c>, 2 minutes by default) still reaches every call: a rotated handler is
/// picked up within the reuse time. Concurrent callers may both take a client at a renewal; either is fine.
/// </summary>
internal sealed class FactoryClient(IHttpClientFactory factory, string name, TimeProvider clock, TimeSpan reuse)
{
    /// <summary>The longest one factory client is reused.</summary>
    public static readonly TimeSpan MaxReuse = TimeSpan.FromSeconds(30);

    /// <summary>How long a client is reused for a handler of this lifetime: the lifetime, up to <see cref="MaxReuse"/> (an infinite lifetime reuses for that).</summary>
    public static TimeSpan ReuseFor(TimeSpan handlerLifetime) =>
        handlerLifetime > TimeSpan.Zero && handlerLifetime < MaxReuse ? handlerLifetime : MaxReuse;

    private Entry? _current;

    public HttpMessageInvoker Get()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && clock.GetElapsedTime(current.TakenAt) < reuse)
        {
            return current.Client;
        }

        var fresh = new Entry(factory.CreateClient(name), clock.GetTimestamp());
        Volatile.Write(ref _current, fresh);
        return fresh.Client;
    }

    private sealed record Entry(HttpClient Client, long TakenAt);
}
