using Microsoft.Extensions.Logging;
using ThreadClient.Aitronos;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient;

/// <summary>Settings of a <see cref="ThreadsClient"/>: one section per provider.</summary>
public sealed class ThreadsClientOptions
{
    /// <summary>The Perplexity provider's settings.</summary>
    public PerplexityOptions Perplexity { get; set; } = new();

    /// <summary>The Aitronos (Freddy) provider's settings.</summary>
    public AitronosOptions Aitronos { get; set; } = new();

    /// <summary>Retry and timeout settings of the client's own HTTP pipeline.</summary>
    public ResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The clock used for Retry-After dates, thread ages and timeouts. Defaults to the system clock;
    /// tests pass a fake one. Not read from configuration.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Where <see cref="ThreadsClient.Sessions"/> keeps conversations by key. Default: a new
    /// <see cref="InMemoryThreadSessionStore"/>; use a <see cref="DistributedThreadSessionStore"/> to
    /// share conversations between app instances. Not read from configuration.
    /// </summary>
    public IThreadSessionStore? SessionStore { get; set; }

    /// <summary>
    /// Where the SDK logs (retries, give-ups, circuit changes, thread fallbacks). None by default;
    /// <c>AddThreadsClient</c> uses the application's. Not read from configuration.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Perplexity, "ThreadsClientOptions.Perplexity");
        ArgumentNullException.ThrowIfNull(Aitronos, "ThreadsClientOptions.Aitronos");
        ValidateBaseAddress(Perplexity.BaseAddress, "ThreadsClientOptions.Perplexity.BaseAddress");
        ValidateBaseAddress(Aitronos.BaseAddress, "ThreadsClientOptions.Aitronos.BaseAddress");
        ArgumentNullException.ThrowIfNull(Aitronos.MetadataLimits, "ThreadsClientOptions.Aitronos.MetadataLimits");
        ArgumentNullException.ThrowIfNull(TimeProvider, "ThreadsClientOptions.TimeProvider");
        ArgumentNullException.ThrowIfNull(Resilience, "ThreadsClientOptions.Resilience");
        Resilience.Validate();
    }

    private static void ValidateBaseAddress(Uri? address, string setting)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{setting} must be an absolute http or https address.", setting);
        }
    }
}
