using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ThreadClient.DependencyInjection;

/// <summary>Registers <see cref="ThreadsClient"/> in a service collection, over <see cref="IHttpClientFactory"/>.</summary>
public static class ThreadsClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ThreadsClient"/> (and <see cref="IThreadsClient"/>) whose calls go
    /// through named factory clients with the SDK's resilience handler; options are validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add HTTP handlers per provider or choose the session store.</returns>
    public static ThreadsClientBuilder AddThreadsClient(this IServiceCollection services, Action<ThreadsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return ThreadsClientRegistration.Register(services, Options.DefaultName, keyed: false).Configure(configure);
    }

    /// <summary>Registers the singleton client with its options bound from configuration (for example <c>configuration.GetSection("ThreadClient")</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options (see the README for every key).</param>
    /// <returns>A builder to add HTTP handlers per provider or choose the session store.</returns>
    public static ThreadsClientBuilder AddThreadsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ThreadsClientOptions>(Options.DefaultName).Configure(options => ThreadsClientRegistration.Bind(configuration, options));
        return ThreadsClientRegistration.Register(services, Options.DefaultName, keyed: false);
    }

    /// <summary>
    /// Registers a keyed singleton client named <paramref name="name"/>, for apps that talk to several
    /// accounts: resolve it with <c>[FromKeyedServices("name")] IThreadsClient</c>. Each name has its own
    /// options, HTTP clients and session store.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key and options name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add HTTP handlers per provider or choose the session store.</returns>
    public static ThreadsClientBuilder AddThreadsClient(this IServiceCollection services, string name, Action<ThreadsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return ThreadsClientRegistration.Register(services, name, keyed: true).Configure(configure);
    }

    /// <summary>Registers a keyed singleton client named <paramref name="name"/> with its options bound from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The key and options name.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>A builder to add HTTP handlers per provider or choose the session store.</returns>
    public static ThreadsClientBuilder AddThreadsClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ThreadsClientOptions>(name).Configure(options => ThreadsClientRegistration.Bind(configuration, options));
        return ThreadsClientRegistration.Register(services, name, keyed: true);
    }
}
