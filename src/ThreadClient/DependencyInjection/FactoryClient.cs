namespace ThreadClient.DependencyInjection;

/// <summary>
/// The <see cref="IHttpClientFactory"/> client of one provider, taken from the factory and reused for at most
/// <see cref="Reuse"/> (by the client's clock), then taken again. A call allocates no client (the factory's
/// <c>CreateClient</c> allocates an <see cref="HttpClient"/> and a handler wrapper each time), while the factory's
/// handler rotation (<c>HandlerLifetime</c>, 2 minutes by default) still reaches every call: a rotated handler is
/// picked up within <see cref="Reuse"/>. Concurrent callers may both take a client at a renewal; either is fine.
/// </summary>
internal sealed class FactoryClient(IHttpClientFactory factory, string name, TimeProvider clock)
{
    /// <summary>How long one factory client is reused.</summary>
    public static readonly TimeSpan Reuse = TimeSpan.FromSeconds(30);

    private Entry? _current;

    public HttpMessageInvoker Get()
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && clock.GetElapsedTime(current.TakenAt) < Reuse)
        {
            return current.Client;
        }

        var fresh = new Entry(factory.CreateClient(name), clock.GetTimestamp());
        Volatile.Write(ref _current, fresh);
        return fresh.Client;
    }

    private sealed record Entry(HttpClient Client, long TakenAt);
}
