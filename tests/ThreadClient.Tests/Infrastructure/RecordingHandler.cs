using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>A request as the handler saw it, with its body read out.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    /// <summary>The body with a session's random <c>prompt_cache_key</c> (<c>tc_</c> and 32 hex digits) written as <c>tc_*</c>, for exact comparisons.</summary>
    public string MaskedBody => System.Text.RegularExpressions.Regex.Replace(Body, "\"prompt_cache_key\":\"tc_[0-9a-f]{32}\"", "\"prompt_cache_key\":\"tc_*\"");
}

/// <summary>An in-memory transport: records every request and answers from a script.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, int, HttpResponseMessage> _reply;
    private int _count;

    public RecordingHandler(Func<RecordedRequest, int, HttpResponseMessage> reply) => _reply = reply;

    public RecordingHandler(params HttpResponseMessage[] replies)
        : this((_, i) => replies[Math.Min(i, replies.Length - 1)])
    {
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public RecordedRequest OnlyRequest => Assert.Single(Requests);

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage EventStream(string body, TrackingContent.Tracker? tracker = null) =>
        new(HttpStatusCode.OK) { Content = new TrackingContent(Encoding.UTF8.GetBytes(body), "text/event-stream", tracker) };

    public static ThreadsClient CreateClient(RecordingHandler handler, Action<ThreadsClientOptions>? configure = null)
    {
        var options = new ThreadsClientOptions();
        options.Perplexity.ApiKey = TestKeys.Perplexity;
        options.Aitronos.ApiKey = TestKeys.Aitronos;

        // Wire tests look at one exchange at a time; a test that wants the SDK's retries switches them back on.
        options.Resilience.Enabled = false;
        configure?.Invoke(options);
        return new ThreadsClient(options, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body);
        Requests.Enqueue(recorded);
        var response = _reply(recorded, Interlocked.Increment(ref _count) - 1);
        response.RequestMessage = request;
        return response;
    }
}
