using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient.DependencyInjection;

/// <summary>Checks a registered client's options at start: the same rules as the constructor, plus a key for at least one provider.</summary>
internal sealed class ThreadsClientOptionsValidator(IServiceProviderIsService services) : IValidateOptions<ThreadsClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ThreadsClientOptions options)
    {
        try
        {
            options.Validate(storeComesFromContainer: true);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(Describe(name, ex.Message));
        }

        var perplexityKey = options.Perplexity.ApiKey ?? Environment.GetEnvironmentVariable(PerplexityOptions.ApiKeyEnvironmentVariable);
        var aitronosKey = options.Aitronos.BearerToken ?? options.Aitronos.ApiKey ?? Environment.GetEnvironmentVariable(AitronosOptions.ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(perplexityKey) && string.IsNullOrWhiteSpace(aitronosKey))
        {
            return ValidateOptionsResult.Fail(Describe(name,
                "No provider has a key: set ThreadsClientOptions.Perplexity.ApiKey (configuration ThreadClient:Perplexity:ApiKey or the PERPLEXITY_API_KEY environment variable) " +
                "or ThreadsClientOptions.Aitronos.ApiKey / BearerToken (ThreadClient:Aitronos:ApiKey or AITRONOS_API_KEY)."));
        }

        if (options.Sessions.Kind == SessionStoreKind.DistributedCache && options.SessionStore is null && !services.IsService(typeof(IDistributedCache)))
        {
            return ValidateOptionsResult.Fail(Describe(name,
                "ThreadsClientOptions.Sessions.Kind is DistributedCache, but no IDistributedCache is registered: add one (AddStackExchangeRedisCache, AddDistributedSqlServerCache, AddDistributedMemoryCache, ...)."));
        }

        return ValidateOptionsResult.Success;
    }

    private static string Describe(string? name, string message) =>
        string.IsNullOrEmpty(name) ? message : $"ThreadClient '{name}': {message}";
}
