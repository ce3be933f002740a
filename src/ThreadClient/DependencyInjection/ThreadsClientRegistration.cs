using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreadClient.Http;
using ThreadClient.Sessions;

namespace ThreadClient.DependencyInjection;

/// <summary>How a registered client is put together from the container: one named HTTP client per provider, the options of its name, the app's logging, clock and cache.</summary>
internal static class ThreadsClientRegistration
{
    public static string HttpClientName(string name, string provider) =>
        string.IsNullOrEmpty(name) ? "ThreadClient." + provider : $"ThreadClient.{name}.{provider}";

    public static string StoreKey(string name) => "ThreadClient.SessionStore." + name;

    /// <summary>
    /// Binds the configurable sections; the clock, logger factory and store instance are objects, not
    /// settings, and come from the container. Binding is source-generated (trim and AOT clean).
    /// </summary>
    public static void Bind(IConfiguration configuration, ThreadsClientOptions options)
    {
        configuration.GetSection(nameof(ThreadsClientOptions.Perplexity)).Bind(options.Perplexity);
        configuration.GetSection(nameof(ThreadsClientOptions.Aitronos)).Bind(options.Aitronos);
        configuration.GetSection(nameof(ThreadsClientOptions.Resilience)).Bind(options.Resilience);
        configuration.GetSection(nameof(ThreadsClientOptions.Sessions)).Bind(options.Sessions);
        configuration.GetSection(nameof(ThreadsClientOptions.Telemetry)).Bind(options.Telemetry);
    }

    public static ThreadsClientBuilder Register(IServiceCollection services, string name, bool keyed)
    {
        services.AddOptions<ThreadsClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ThreadsClientOptions>, ThreadsClientOptionsValidator>());

        // A second AddThreadsClient for the same name adds its configuration, not a second pipeline:
        // two resilience handlers would nest their retries (three attempts each, nine in all).
        var registered = services.Any(d => d.ServiceType == typeof(Registered) && d.ImplementationInstance is Registered r && r.Name == name);
        if (registered)
        {
            return new ThreadsClientBuilder(services, name, services.AddHttpClient(HttpClientName(name, "Perplexity")), services.AddHttpClient(HttpClientName(name, "Aitronos")));
        }

        services.AddSingleton(new Registered(name));
        var perplexity = AddProviderHttpClient(services, name, "Perplexity");
        var aitronos = AddProviderHttpClient(services, name, "Aitronos");
        if (keyed)
        {
            services.AddKeyedSingleton(name, (provider, _) => Create(provider, name));
            services.AddKeyedSingleton<IThreadsClient>(name, (provider, key) => provider.GetRequiredKeyedService<ThreadsClient>(key));
        }
        else
        {
            services.AddSingleton(provider => Create(provider, name));
            services.AddSingleton<IThreadsClient>(provider => provider.GetRequiredService<ThreadsClient>());
        }

        return new ThreadsClientBuilder(services, name, perplexity, aitronos);
    }

    private static IHttpClientBuilder AddProviderHttpClient(IServiceCollection services, string name, string provider) =>
        services.AddHttpClient(HttpClientName(name, provider))
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's own logging writes request URIs at Information, and a path can hold a thread id; the SDK logs for itself.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(PrimaryHandler.Create)
            .AddHttpMessageHandler(container =>
            {
                var options = container.GetRequiredService<IOptionsMonitor<ThreadsClientOptions>>().Get(name);
                var logging = options.Copy();
                logging.LoggerFactory ??= container.GetService<ILoggerFactory>();
                return options.Resilience.Enabled
                    ? new ThreadsResilienceHandler(options.Resilience, Clock(container, options), logging.CreateLogger())
                    : new PassThroughHandler();
            });

    /// <summary>Marks a client name as registered, so that its pipeline is added once.</summary>
    private sealed record Registered(string Name);

    /// <summary>Stands where the resilience handler would when <see cref="ResilienceOptions.Enabled"/> is off.</summary>
    private sealed class PassThroughHandler : DelegatingHandler;

    private static ThreadsClient Create(IServiceProvider container, string name)
    {
        var options = container.GetRequiredService<IOptionsMonitor<ThreadsClientOptions>>().Get(name).Copy();
        options.TimeProvider = Clock(container, options);
        options.LoggerFactory ??= container.GetService<ILoggerFactory>();
        options.SessionStore ??= container.GetKeyedService<IThreadSessionStore>(StoreKey(name)) ?? Store(container, options.Sessions, options.TimeProvider);
        if (options.Privacy.ProtectTranscripts && options.Privacy.DataProtectionProvider is null)
        {
            var privacy = options.Privacy.Copy();
            privacy.DataProtectionProvider = container.GetService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                ?? throw new InvalidOperationException("ThreadsClientOptions.Privacy.ProtectTranscripts is on, but no IDataProtectionProvider is registered: call services.AddDataProtection() (with a key ring every instance shares).");
            options.Privacy = privacy;
        }
        var factory = container.GetRequiredService<IHttpClientFactory>();
        var perplexity = HttpClientName(name, "Perplexity");
        var aitronos = HttpClientName(name, "Aitronos");
        var lifetimes = container.GetService<IOptionsMonitor<Microsoft.Extensions.Http.HttpClientFactoryOptions>>();
        TimeSpan Reuse(string client) => FactoryClient.ReuseFor(lifetimes?.Get(client).HandlerLifetime ?? FactoryClient.MaxReuse);
        return new ThreadsClient(options, new FactoryClient(factory, perplexity, options.TimeProvider, Reuse(perplexity)).Get, new FactoryClient(factory, aitronos, options.TimeProvider, Reuse(aitronos)).Get, owned: null);
    }

    private static TimeProvider Clock(IServiceProvider container, ThreadsClientOptions options) =>
        options.TimeProvider != TimeProvider.System ? options.TimeProvider : container.GetService<TimeProvider>() ?? TimeProvider.System;

    private static IThreadSessionStore Store(IServiceProvider container, SessionStoreOptions settings, TimeProvider clock)
    {
        if (settings.Kind != SessionStoreKind.DistributedCache)
        {
            return SessionStores.InMemory(settings, clock);
        }

        var cache = container.GetService<IDistributedCache>()
            ?? throw new InvalidOperationException("ThreadsClientOptions.Sessions.Kind is DistributedCache, but no IDistributedCache is registered: add one (AddStackExchangeRedisCache, AddDistributedSqlServerCache, AddDistributedMemoryCache, ...).");
        return new DistributedThreadSessionStore(cache) { KeyPrefix = settings.KeyPrefix, Expiration = settings.Expiration, TextExpiration = settings.TextExpiration, TextMaxAge = settings.TextMaxAge, TimeProvider = clock };
    }
}
