using Microsoft.Extensions.Logging;
using ThreadClient.Aitronos;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient;

/// <summary>
/// The root client: one HTTP pipeline shared by every provider client it hands out. Thread-safe;
/// make one per application (or register it with dependency injection) and keep it.
/// </summary>
/// <example>
/// <code>
/// using var client = new ThreadsClient(new ThreadsClientOptions { Perplexity = { ApiKey = key } });
/// var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
/// {
///     UseThreads = true,
///     Messages = { ChatMessage.User("Which movie won the Cannes special jury prize in 1996?") },
/// });
/// Console.WriteLine($"{reply.Content} (thread {reply.ThreadId})");
/// </code>
/// </example>
public sealed class ThreadsClient : IThreadsClient, IDisposable
{
    private readonly IDisposable? _owned;
    private readonly ILogger _logger;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, disposed with this client.</summary>
    /// <param name="options">The settings; read once, now.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ThreadsClient(ThreadsClientOptions options)
        : this(options, CreateOwnHttpClient(options), Timeout.InfiniteTimeSpan)
    {
    }

    /// <summary>
    /// Creates a client over the caller's <see cref="HttpClient"/>, which the caller keeps and disposes.
    /// Its <see cref="HttpClient.BaseAddress"/> is not used: each provider's base address comes from the options.
    /// The SDK's retries, safe mode and timeouts (<see cref="ThreadsClientOptions.Resilience"/>) wrap every
    /// call, and each attempt goes through the caller's client and its handlers; set
    /// <see cref="ResilienceOptions.Enabled"/> to <see langword="false"/> when those handlers already retry.
    /// </summary>
    /// <param name="options">The settings; read once, now.</param>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ThreadsClient(ThreadsClientOptions options, HttpClient httpClient)
        : this(options, AroundCallerClient(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient))), httpClient.Timeout)
    {
        if (httpClient.Timeout != Timeout.InfiniteTimeSpan && httpClient.Timeout < options.Resilience.GenerationAttemptTimeout)
        {
            Log.HttpClientTimeoutTooShort(_logger, httpClient.Timeout.TotalSeconds, options.Resilience.GenerationAttemptTimeout.TotalSeconds);
        }
    }

    /// <summary>
    /// Creates a client whose own pipeline (retries, safe mode, timeouts, as with
    /// <see cref="ThreadsClient(ThreadsClientOptions)"/>) sends through <paramref name="primaryHandler"/>:
    /// a <see cref="SocketsHttpHandler"/> configured your way (a proxy, certificates), or a test double.
    /// Unlike the <see cref="HttpClient"/> constructor, nothing is copied per attempt.
    /// </summary>
    /// <param name="options">The settings; read once, now.</param>
    /// <param name="primaryHandler">The innermost handler. It should decompress responses and not drain abandoned streams, as the SDK's own does.</param>
    /// <param name="disposeHandler">Whether disposing this client disposes <paramref name="primaryHandler"/>.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ThreadsClient(ThreadsClientOptions options, HttpMessageHandler primaryHandler, bool disposeHandler = false)
        : this(options, OwnPipeline(options, primaryHandler ?? throw new ArgumentNullException(nameof(primaryHandler)), disposeHandler), Timeout.InfiniteTimeSpan)
    {
    }

    private ThreadsClient(ThreadsClientOptions options, HttpMessageInvoker invoker, TimeSpan httpClientTimeout)
        : this(options, () => invoker, () => invoker, invoker, httpClientTimeout)
    {
    }

    /// <summary>The constructor behind all others and behind dependency injection, which hands a fresh factory client to each call.</summary>
    internal ThreadsClient(ThreadsClientOptions options, Func<HttpMessageInvoker> perplexityHttp, Func<HttpMessageInvoker> aitronosHttp, IDisposable? owned, TimeSpan? httpClientTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Uri perplexityBase, aitronosBase;
        try
        {
            options.Validate();
            perplexityBase = ThreadsClientOptions.EffectiveBaseAddress(options.Perplexity.BaseAddress, PerplexityOptions.DefaultBaseAddress, PerplexityOptions.BaseAddressEnvironmentVariable, "ThreadsClientOptions.Perplexity.BaseAddress");
            aitronosBase = ThreadsClientOptions.EffectiveBaseAddress(options.Aitronos.BaseAddress, AitronosOptions.DefaultBaseAddress, AitronosOptions.BaseAddressEnvironmentVariable, "ThreadsClientOptions.Aitronos.BaseAddress");
        }
        catch
        {
            owned?.Dispose();
            throw;
        }

        _owned = owned;
        _logger = options.CreateLogger();
        var clock = options.TimeProvider;
        var perplexity = options.Perplexity;
        var perplexityEndpoint = new ProviderEndpoint(
            "Perplexity",
            perplexityBase,
            "Authorization",
            perplexity.ApiKey ?? Environment.GetEnvironmentVariable(PerplexityOptions.ApiKeyEnvironmentVariable),
            bearer: true,
            $"set ThreadsClientOptions.Perplexity.ApiKey or the {PerplexityOptions.ApiKeyEnvironmentVariable} environment variable.");
        var store = SessionStores.Wrap(options.SessionStore ?? SessionStores.InMemory(options.Sessions, clock), options.Privacy);
        var recordConversationIds = options.Telemetry?.RecordConversationIds == true;
        Perplexity = new PerplexityClient(new ApiTransport(perplexityHttp, perplexityEndpoint, clock, _logger, options.Resilience.RetryMode, httpClientTimeout) { RecordConversationIds = recordConversationIds, KeepsTranscripts = options.Privacy.KeepTranscripts, CaptureMessageContent = options.Telemetry?.CaptureMessageContent == true }, perplexity, store);

        var aitronos = options.Aitronos;
        var useToken = !string.IsNullOrWhiteSpace(aitronos.BearerToken);
        var aitronosEndpoint = new ProviderEndpoint(
            "Aitronos",
            aitronosBase,
            useToken ? "Authorization" : aitronos.ApiKeyHeader,
            useToken ? aitronos.BearerToken : aitronos.ApiKey ?? Environment.GetEnvironmentVariable(AitronosOptions.ApiKeyEnvironmentVariable),
            bearer: useToken,
            $"set ThreadsClientOptions.Aitronos.ApiKey (or BearerToken) or the {AitronosOptions.ApiKeyEnvironmentVariable} environment variable.");
        Aitronos = new AitronosClient(new ApiTransport(aitronosHttp, aitronosEndpoint, clock, _logger, options.Resilience.RetryMode, httpClientTimeout) { RecordConversationIds = recordConversationIds, KeepsTranscripts = options.Privacy.KeepTranscripts, CaptureMessageContent = options.Telemetry?.CaptureMessageContent == true }, aitronos, store);
        Sessions = new ThreadSessionManager(Perplexity, Aitronos, store, clock);
    }

    /// <inheritdoc />
    public PerplexityClient Perplexity { get; }

    /// <inheritdoc />
    public AitronosClient Aitronos { get; }

    /// <inheritdoc />
    public ThreadSessionManager Sessions { get; }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose() => _owned?.Dispose();

    private static HttpMessageInvoker CreateOwnHttpClient(ThreadsClientOptions options) => OwnPipeline(options, PrimaryHandler.Create(), disposeHandler: true);

    /// <summary>The SDK's pipeline over a primary handler (no <see cref="HttpClient"/>: the SDK owns its timeouts, and HttpClient's 100 s default would silently cut long generations).</summary>
    private static HttpMessageInvoker OwnPipeline(ThreadsClientOptions options, HttpMessageHandler primary, bool disposeHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!options.Resilience.Enabled)
        {
            return new HttpMessageInvoker(primary, disposeHandler);
        }

        // The resilience handler owns its inner handler; a primary the caller keeps is shielded from that disposal.
        var inner = disposeHandler ? primary : new NonDisposingHandler(primary);
        return new HttpMessageInvoker(new ThreadsResilienceHandler(options.Resilience, options.TimeProvider, options.CreateLogger()) { InnerHandler = inner }, disposeHandler: true);
    }

    /// <summary>The SDK's pipeline around the caller's client, each attempt sent through it; or the caller's client alone when the pipeline is off.</summary>
    private static HttpMessageInvoker AroundCallerClient(ThreadsClientOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HttpMessageHandler forwarder = new HttpClientForwarder(httpClient);
        return new HttpMessageInvoker(
            options.Resilience.Enabled ? new ThreadsResilienceHandler(options.Resilience, options.TimeProvider, options.CreateLogger()) { InnerHandler = forwarder } : forwarder,
            disposeHandler: true);
    }
}
