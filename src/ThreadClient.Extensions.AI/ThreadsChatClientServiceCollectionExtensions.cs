using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ThreadClient.Extensions.AI;

/// <summary>Registers ThreadClient as the application's <see cref="IChatClient"/>.</summary>
public static class ThreadsChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="IChatClient"/> over the registered <see cref="IThreadsClient"/>
    /// (call <c>AddThreadsClient</c> first). Compose middleware through <paramref name="pipeline"/>, for
    /// example <c>(inner, services) =&gt; new ChatClientBuilder(inner).UseLogging().UseOpenTelemetry().Build(services)</c>
    /// with the Microsoft.Extensions.AI package.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="provider">Which provider to talk to.</param>
    /// <param name="defaultModel">The model when a call names none; the provider's default otherwise.</param>
    /// <param name="pipeline">Wraps the chat client in middleware; none when <see langword="null"/>.</param>
    /// <param name="serviceKey">Registers a keyed chat client (and uses the keyed <see cref="IThreadsClient"/> of the same key) when set.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddThreadsChatClient(
        this IServiceCollection services,
        ThreadsChatProvider provider,
        string? defaultModel = null,
        Func<IChatClient, IServiceProvider, IChatClient>? pipeline = null,
        string? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!Enum.IsDefined(provider))
        {
            throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a known provider.");
        }

        IChatClient Create(IServiceProvider container)
        {
            var threads = serviceKey is null ? container.GetRequiredService<IThreadsClient>() : container.GetRequiredKeyedService<IThreadsClient>(serviceKey);
            var chat = provider == ThreadsChatProvider.Perplexity ? threads.Perplexity.AsIChatClient(defaultModel) : threads.Aitronos.AsIChatClient(defaultModel);
            return pipeline?.Invoke(chat, container) ?? chat;
        }

        if (serviceKey is null)
        {
            services.AddSingleton(Create);
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (container, _) => Create(container));
        }

        return services;
    }
}
