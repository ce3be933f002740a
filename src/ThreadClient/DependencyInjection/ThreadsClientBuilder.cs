using Microsoft.Extensions.DependencyInjection;
using ThreadClient.Sessions;

namespace ThreadClient.DependencyInjection;

/// <summary>
/// Returned by <c>AddThreadsClient</c>: reach each provider's <see cref="IHttpClientBuilder"/> to add
/// your own handlers (they run inside the SDK's resilience handler, once per attempt) or a primary
/// handler, and choose the session store.
/// </summary>
public sealed class ThreadsClientBuilder
{
    internal ThreadsClientBuilder(IServiceCollection services, string name, IHttpClientBuilder perplexity, IHttpClientBuilder aitronos)
    {
        Services = services;
        Name = name;
        Perplexity = perplexity;
        Aitronos = aitronos;
    }

    /// <summary>The service collection the client is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The client's name: empty for the default client, else the key of the keyed registration and the options name.</summary>
    public string Name { get; }

    /// <summary>The named HTTP client Perplexity calls go through.</summary>
    public IHttpClientBuilder Perplexity { get; }

    /// <summary>The named HTTP client Aitronos calls go through.</summary>
    public IHttpClientBuilder Aitronos { get; }

    /// <summary>Adds more configuration of the client's options.</summary>
    /// <param name="configure">Changes the options; runs after the ones given to <c>AddThreadsClient</c>.</param>
    /// <returns>This builder.</returns>
    public ThreadsClientBuilder Configure(Action<ThreadsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>Keeps <c>client.Sessions</c> in the application's registered <c>IDistributedCache</c> (Redis, SQL Server, ...), shared by every instance.</summary>
    /// <returns>This builder.</returns>
    public ThreadsClientBuilder UseDistributedCacheSessionStore() =>
        Configure(static options => options.Sessions.Kind = SessionStoreKind.DistributedCache);

    /// <summary>Keeps <c>client.Sessions</c> in a store of your own.</summary>
    /// <param name="factory">Creates the store, once, from the container.</param>
    /// <returns>This builder.</returns>
    public ThreadsClientBuilder UseSessionStore(Func<IServiceProvider, IThreadSessionStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddKeyedSingleton(ThreadsClientRegistration.StoreKey(Name), (provider, _) => factory(provider));
        return this;
    }
}
