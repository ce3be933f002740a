using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ThreadClient.Aitronos;
using ThreadClient.Diagnostics;
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

    /// <summary>What the SDK's traces may carry (see <see cref="ThreadsTelemetry"/>); read from configuration.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>What the client does with the conversation text it keeps: transcripts or none, encryption at rest, a scrubber (see the README's Privacy section).</summary>
    public Privacy.PrivacyOptions Privacy { get; set; } = new();

    /// <summary>Which session store <see cref="ThreadsClient.Sessions"/> uses, and its settings; read from configuration.</summary>
    public SessionStoreOptions Sessions { get; set; } = new();

    /// <summary>
    /// The store instance <see cref="ThreadsClient.Sessions"/> keeps conversations in, overriding
    /// <see cref="Sessions"/>. Default: built from <see cref="Sessions"/> (a new
    /// <see cref="InMemoryThreadSessionStore"/>, or, under dependency injection, a
    /// <see cref="DistributedThreadSessionStore"/> over the registered cache). Not read from configuration.
    /// </summary>
    public IThreadSessionStore? SessionStore { get; set; }

    /// <summary>
    /// Where the SDK logs (retries, give-ups, circuit changes, thread fallbacks). None by default;
    /// <c>AddThreadsClient</c> uses the application's. Not read from configuration.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The logger every part of a client writes to: category <c>ThreadClient</c>, or nowhere without a factory.</summary>
    internal ILogger CreateLogger() => (LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ThreadClient");

    /// <summary>A copy whose sections are shared, so that the SDK can fill in the logger, clock and store without touching the caller's instance.</summary>
    internal ThreadsClientOptions Copy() => (ThreadsClientOptions)MemberwiseClone();

    /// <param name="storeComesFromContainer">Under dependency injection the distributed store is built from the registered cache.</param>
    internal void Validate(bool storeComesFromContainer = false)
    {
        ArgumentNullException.ThrowIfNull(Perplexity, "ThreadsClientOptions.Perplexity");
        ArgumentNullException.ThrowIfNull(Aitronos, "ThreadsClientOptions.Aitronos");
        ValidateBaseAddress(Perplexity.BaseAddress, "ThreadsClientOptions.Perplexity.BaseAddress");
        ValidateBaseAddress(Aitronos.BaseAddress, "ThreadsClientOptions.Aitronos.BaseAddress");
        ArgumentNullException.ThrowIfNull(Aitronos.MetadataLimits, "ThreadsClientOptions.Aitronos.MetadataLimits");
        if (string.IsNullOrEmpty(Aitronos.ApiKeyHeader) || !Aitronos.ApiKeyHeader.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            var setting = "ThreadsClientOptions.Aitronos.ApiKeyHeader";
            throw new ArgumentException(setting + " must be a header name of letters, digits and dashes, such as X-API-Key or Api-Key.", setting);
        }

        if (!Enum.IsDefined(Aitronos.ThreadField))
        {
            var setting = "ThreadsClientOptions.Aitronos.ThreadField";
            throw new ArgumentOutOfRangeException(setting, Aitronos.ThreadField, setting + " is not a known field.");
        }

        if (string.IsNullOrWhiteSpace(Perplexity.AgentPath) || Perplexity.AgentPath.StartsWith('/') || Perplexity.AgentPath.Contains("://", StringComparison.Ordinal))
        {
            var setting = "ThreadsClientOptions.Perplexity.AgentPath";
            throw new ArgumentException(setting + " must be a relative path such as v1/responses or v1/agent.", setting);
        }

        if (!Enum.IsDefined(Perplexity.ChatCompletionsRetirement))
        {
            var setting = "ThreadsClientOptions.Perplexity.ChatCompletionsRetirement";
            throw new ArgumentOutOfRangeException(setting, Perplexity.ChatCompletionsRetirement, setting + " is not a known policy.");
        }
        ArgumentNullException.ThrowIfNull(TimeProvider, "ThreadsClientOptions.TimeProvider");
        ArgumentNullException.ThrowIfNull(Resilience, "ThreadsClientOptions.Resilience");
        Resilience.Validate();
        ArgumentNullException.ThrowIfNull(Privacy, "ThreadsClientOptions.Privacy");
        Privacy.Validate("ThreadsClientOptions.Privacy.");
        ArgumentNullException.ThrowIfNull(Sessions, "ThreadsClientOptions.Sessions");
        Sessions.Validate("ThreadsClientOptions.Sessions.");
        if (Sessions.Kind == SessionStoreKind.DistributedCache && SessionStore is null && !storeComesFromContainer)
        {
            var setting = "ThreadsClientOptions.SessionStore";
            throw new ArgumentException(
                "ThreadsClientOptions.Sessions.Kind is DistributedCache but no store was given: set ThreadsClientOptions.SessionStore to a DistributedThreadSessionStore, or register the client with AddThreadsClient, which uses the application's IDistributedCache.",
                setting);
        }
    }

    /// <summary>The base address to use: the configured one, or, left at the default, the environment variable's when set (validated the same way).</summary>
    internal static Uri EffectiveBaseAddress(Uri configured, Uri defaultAddress, string environmentVariable, string setting, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (configured != defaultAddress || environment(environmentVariable) is not { Length: > 0 } text)
        {
            return configured;
        }

        var source = setting + " (from " + environmentVariable + ")";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address))
        {
            throw new ArgumentException($"{source} must be an absolute https address.", setting);
        }

        ValidateBaseAddress(address, source);
        return address;
    }

    private static void ValidateBaseAddress(Uri? address, string setting)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{setting} must be an absolute https address.", setting);
        }

        // The key travels in a header: plain http is only for a server on this machine (the emulator, a test).
        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            throw new ArgumentException($"{setting} must use https; plain http is allowed only for loopback addresses (127.0.0.1, ::1, localhost), got {address.Scheme}://{address.Host}.", setting);
        }
    }
}
