using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
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

    private readonly Func<HttpClient> _httpClient;
    private readonly TimeProvider _clock;

    // httpClient gives the client for each call: the same one, or, under IHttpClientFactory, a fresh one
    // whose handlers the factory rotates (factory clients are cheap and meant to be short-lived).
    public ApiTransport(Func<HttpClient> httpClient, ProviderEndpoint endpoint, TimeProvider clock, ILogger logger)
    {
        _httpClient = httpClient;
        Endpoint = endpoint;
        _clock = clock;
        Logger = logger;
    }

    public ProviderEndpoint Endpoint { get; }

    public TimeProvider Clock => _clock;

    public ILogger Logger { get; }

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

            // The resilience handler already read the body inside the attempt; a caller's own HttpClient
            // (without the SDK's handler) hands it over unread.
            var body = response.Content is BufferedContent buffered
                ? buffered.Memory
                : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var reply = reader is not null ? reader(body.Span) : JsonSerializer.Deserialize(body.Span, replyType!);
            return reply ?? throw new JsonException($"{Endpoint.Provider} returned a JSON null where a {typeof(T).Name} was expected.");
        }
    }

    private Task<ThreadsApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ErrorReplyReader.ReadAsync(response, Endpoint, _clock, cancellationToken);

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, ErrorMapper mapError, CancellationToken cancellationToken)
    {
        var call = CallTelemetry.Start(Endpoint.Provider, request);
        try
        {
            var response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
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
        catch (Exception ex)
        {
            call.Stop(null, ex);
            throw;
        }
    }
}
