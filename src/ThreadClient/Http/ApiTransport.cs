using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using ThreadClient.Diagnostics;

namespace ThreadClient.Http;

/// <summary>Maps a provider's error reply to the exception the caller should see.</summary>
internal delegate ThreadsApiException ErrorMapper(ThreadsApiError error);

/// <summary>Reads a whole reply body; throws <see cref="JsonException"/> when it is not the expected JSON.</summary>
internal delegate T ReplyReader<out T>(ReadOnlySpan<byte> json);

/// <summary>
/// The one way every provider talks HTTP: absolute URI from the provider's base address, the auth
/// header, JSON in and out through source-generated metadata, and error replies turned into exceptions.
/// </summary>
internal sealed class ApiTransport
{
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new("text/event-stream");

    private readonly Func<HttpMessageInvoker> _httpClient;
    private readonly TimeProvider _clock;
    private readonly RetryMode _retryMode;
    private readonly TimeSpan _httpClientTimeout;

    // httpClient gives the invoker for each call: the same one, or, under IHttpClientFactory, a fresh
    // client whose handlers the factory rotates (factory clients are cheap and meant to be short-lived).
    /// <summary>Whether generation spans carry message text (<see cref="Diagnostics.TelemetryOptions.CaptureMessageContent"/>).</summary>
    public bool CaptureMessageContent { get; init; }

    /// <summary>Whether sessions of this provider may keep transcripts (<see cref="Privacy.PrivacyOptions.KeepTranscripts"/>).</summary>
    public bool KeepsTranscripts { get; init; } = true;

    public ApiTransport(Func<HttpMessageInvoker> httpClient, ProviderEndpoint endpoint, TimeProvider clock, ILogger logger, RetryMode retryMode = RetryMode.Safe, TimeSpan? httpClientTimeout = null)
    {
        _httpClientTimeout = httpClientTimeout ?? Timeout.InfiniteTimeSpan;
        _httpClient = httpClient;
        Endpoint = endpoint;
        _clock = clock;
        Logger = logger;
        _retryMode = retryMode;
    }

    public ProviderEndpoint Endpoint { get; }

    public TimeProvider Clock => _clock;

    public ILogger Logger { get; }

    /// <summary>Whether generation spans carry the thread id (<see cref="Diagnostics.TelemetryOptions.RecordConversationIds"/>).</summary>
    public bool RecordConversationIds { get; init; }

    public HttpRequestMessage CreateRequest(HttpMethod method, string relativePath, HttpContent? content, RequestProfile profile = RequestProfile.Crud)
    {
        // Generation paths are constants: their URIs are built once. Thread paths hold ids and are not cached.
        var uri = profile == RequestProfile.Crud ? Endpoint.Resolve(relativePath) : Endpoint.ResolveConstant(relativePath);
        var request = new ProfiledRequest(method, uri, profile) { Content = content };
        request.Headers.Accept.Add(profile == RequestProfile.StreamingGeneration ? AcceptEventStream : AcceptJson);
        Endpoint.Authenticate(request);
        return request;
    }

    /// <summary>Sends the request and reads a JSON reply; an error status becomes the mapped exception.</summary>
    public Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> replyType, ErrorMapper mapError, CancellationToken cancellationToken) =>
        SendAsync(request, replyType, reader: null, mapError, cancellationToken);

    /// <summary>Sends the request and reads the reply with the provider's own reader; an error status becomes the mapped exception.</summary>
    public Task<T> SendAsync<T>(HttpRequestMessage request, ReplyReader<T> reader, ErrorMapper mapError, CancellationToken cancellationToken) =>
        SendAsync(request, replyType: null, reader, mapError, cancellationToken);

    /// <summary>Sends the request and returns once the headers arrive; the caller owns (and disposes) the response.</summary>
    public async Task<HttpResponseMessage> SendForStreamAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await SendCheckedAsync(request, mapError, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records on <paramref name="result"/> the reply it was read from (for a reply read outside <see cref="SendAsync{T}(HttpRequestMessage, ReplyReader{T}, ErrorMapper, CancellationToken)"/>).</summary>
    public T Attach<T>(T result, HttpResponseMessage response)
        where T : ThreadsResult
    {
        result.SetResponse(response, Endpoint);
        return result;
    }

    /// <summary>Sends the request and expects no body worth reading (for example a 204).</summary>
    public async Task<HttpResponseMessage> SendBufferedAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await SendCheckedAsync(request, mapError, cancellationToken).ConfigureAwait(false);
            return await BufferedContent.LoadAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request and reads the reply with <paramref name="reader"/> when given, else with <paramref name="replyType"/>.</summary>
    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T>? replyType, ReplyReader<T>? reader, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendCheckedAsync(request, mapError, cancellationToken).ConfigureAwait(false);
            var body = await BodyOf(response, cancellationToken).ConfigureAwait(false);
            return Read(response, body.Span, replyType, reader, mapError);
        }
    }

    /// <summary>
    /// Reads a buffered reply that may have no body (a 204): <see langword="null"/> for none; otherwise read
    /// with the same checks and typed failures as every other reply (an error envelope is the mapped
    /// exception, text that is not the model is <c>unreadable_reply</c>).
    /// </summary>
    public async Task<T?> ReadOptionalAsync<T>(HttpResponseMessage response, ReplyReader<T> reader, ErrorMapper mapError, CancellationToken cancellationToken)
        where T : class
    {
        var body = await BodyOf(response, cancellationToken).ConfigureAwait(false);
        return ReplyChecks.WithoutBom(body.Span).Trim(" \r\n\t"u8).IsEmpty ? null : Read(response, body.Span, replyType: null, reader, mapError);
    }

    /// <summary>
    /// Reads a streaming request's reply that came as plain JSON: the reply it stands for, or, for an
    /// error envelope, the mapped exception. Disposes the response.
    /// </summary>
    public async Task<T> ReadJsonInsteadOfStreamAsync<T>(HttpResponseMessage response, ReplyReader<T> reader, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return Read(response, body, replyType: null, reader, mapError);
        }
    }

    /// <summary>
    /// The reply's body: the resilience handler already read it inside the attempt; a caller who turned
    /// the SDK's pipeline off hands it over unread.
    /// </summary>
    private static async ValueTask<ReadOnlyMemory<byte>> BodyOf(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is BufferedContent buffered
            ? buffered.Memory
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

    private T Read<T>(HttpResponseMessage response, ReadOnlySpan<byte> body, JsonTypeInfo<T>? replyType, ReplyReader<T>? reader, ErrorMapper mapError)
    {
        if (ReplyChecks.UndecodedEncoding(response.Content.Headers) is { } encoding)
        {
            throw Unusable(response, null, "undecodable_body", $"the reply is encoded with '{encoding}', which this HTTP client did not decode (the SDK's own clients decode gzip, deflate and br).", null);
        }

        body = ReplyChecks.WithoutBom(body);
        if (ReplyChecks.IsErrorEnvelope(body))
        {
            var error = ErrorReplyReader.Parse(Endpoint, response, Encoding.UTF8.GetString(body), _clock);
            throw mapError(error with { StatusCode = ReplyChecks.EffectiveStatus(error, body) });
        }

        T? reply;
        try
        {
            reply = reader is not null ? reader(body) : JsonSerializer.Deserialize(body, replyType!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException or OverflowException)
        {
            throw Unusable(response, Encoding.UTF8.GetString(body), "unreadable_reply", $"the reply is not the JSON the API defines ({ex.Message})", ex);
        }

        if (reply is ThreadsResult result)
        {
            result.SetResponse(response, Endpoint);
        }

        return reply ?? throw Unusable(response, Encoding.UTF8.GetString(body), "unreadable_reply", "the reply is JSON null.", null);
    }

    private ThreadsResponseException Unusable(HttpResponseMessage response, string? body, string code, string summary, Exception? cause)
    {
        var error = ErrorReplyReader.Parse(Endpoint, response, null, _clock) with
        {
            Code = code,
            RawBody = ErrorReplyReader.BoundAndRedact(Endpoint, body),
        };
        return new ThreadsResponseException(error, summary, cause);
    }

    private Task<ThreadsApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ErrorReplyReader.ReadAsync(response, Endpoint, _clock, cancellationToken);

    // Awaited once by each caller: its state machine comes from a pool instead of a new box per call.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        var call = CallTelemetry.Start(Endpoint.Provider, request);
        try
        {
            var invoker = _httpClient();
            var response = await (invoker is HttpClient client
                ? client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                : invoker.SendAsync(request, cancellationToken)).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                call.Stop(response.StatusCode, null);
                return response;
            }

            using (response)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                throw mapError(error);
            }
        }
        catch (Exception ex) when (Translate(ex, request, cancellationToken) is { } translated)
        {
            call.Stop(null, translated);
            throw translated;
        }
        catch (Exception ex)
        {
            call.Stop(null, ex);
            throw;
        }
    }

    /// <summary>
    /// The SDK exception for a transport failure: the caller's own cancellation passes unchanged; a
    /// failed connection, an HttpClient timeout and an open circuit become <see cref="ThreadsException"/>s.
    /// </summary>
    private ThreadsException? Translate(Exception ex, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ex is ThreadsException || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var provider = Endpoint.Provider;
        return ex switch
        {
            TaskCanceledException { InnerException: TimeoutException } timeout =>
                new ThreadsTimeoutException(provider, "HttpClient.Timeout", (_httpClient() as HttpClient)?.Timeout ?? _httpClientTimeout, timeout),
            BrokenCircuitException broken => new ThreadsCircuitOpenException(provider, broken.RetryAfter, broken),
            HttpRequestException or IOException => Connection(ex, request),
            _ => null,
        };
    }

    private ThreadsConnectionException Connection(Exception ex, HttpRequestMessage request)
    {
        var sent = !(ex is HttpRequestException http && RetryRules.NotSent(http));
        var paid = RequestProfiles.IsUnsafeToRepeat(RequestProfiles.Of(request));
        return new ThreadsConnectionException(Endpoint.Provider, sent, retried: !(sent && paid && _retryMode == RetryMode.Safe), ex);
    }
}
