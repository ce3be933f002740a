using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>What the SDK logs about retries and failures, and what it never logs (RELIABILITY.md 13).</summary>
public sealed class ResilienceLoggingTests
{
    private static ThreadsClient Client(HttpMessageHandler inner, FakeLogs logs, TrackingTimeProvider clock, Action<ResilienceOptions>? configure = null)
    {
        var options = new ThreadsClientOptions { TimeProvider = clock, LoggerFactory = logs };
        options.Perplexity.ApiKey = TestKeys.Perplexity;
        options.Aitronos.ApiKey = TestKeys.Aitronos;
        configure?.Invoke(options.Resilience);
        var handler = new ThreadsResilienceHandler(options.Resilience, clock, () => 0, logs.CreateLogger("ThreadClient")) { InnerHandler = inner };
        return new ThreadsClient(OwnPipeline.Of(options), new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }

    private static HttpResponseMessage Status(HttpStatusCode status, string requestId, string body = """{"success":false,"error":{"code":"BUSY"}}""") =>
        RecordingHandler.Json(body, status, ("x-request-id", requestId));

    private static async Task<T> DriveAsync<T>(TrackingTimeProvider clock, Task<T> call)
    {
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(20));
        return await call;
    }

    [Fact]
    public async Task Each_retry_is_logged_with_status_delay_attempt_and_request_id()
    {
        var logs = new FakeLogs();
        var clock = new TrackingTimeProvider();
        using var client = Client(new RecordingHandler(Status(HttpStatusCode.ServiceUnavailable, "req-1"), Status(HttpStatusCode.TooManyRequests, "req-2"), RecordingHandler.Json("""{"id":"th_1"}""")), logs, clock);

        await DriveAsync(clock, client.Aitronos.Threads.GetAsync("th_1"));

        var retries = logs.Entries.Where(e => e.Id.Id == 1).ToList();
        Assert.Equal(
            [
                "Retrying GET api.aitronos.com after 503 in 375 ms (retry 1 of 2, request id req-1).",
                "Retrying GET api.aitronos.com after 429 in 750 ms (retry 2 of 2, request id req-2).",
            ],
            retries.Select(e => e.Message));
        Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 2);
    }

    [Fact]
    public async Task Giving_up_is_logged_once_with_the_attempt_count()
    {
        var logs = new FakeLogs();
        var clock = new TrackingTimeProvider();
        using var client = Client(new RecordingHandler((_, _) => Status(HttpStatusCode.BadGateway, "req-9")), logs, clock);

        await Assert.ThrowsAsync<ThreadsApiException>(() => DriveAsync(clock, client.Aitronos.Threads.GetAsync("th_1")));

        var giveUp = Assert.Single(logs.Entries, e => e.Id.Id == 2);
        Assert.Equal("Giving up on GET api.aitronos.com after 3 attempt(s): 502 (request id req-9).", giveUp.Message);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_is_logged_and_not_waited_for()
    {
        var logs = new FakeLogs();
        var clock = new TrackingTimeProvider();
        using var client = Client(new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.TooManyRequests, ("Retry-After", "600"))), logs, clock);

        await Assert.ThrowsAsync<RateLimitedException>(() => client.Aitronos.Threads.GetAsync("th_1"));

        var entry = Assert.Single(logs.Entries, e => e.Id.Id == 3);
        Assert.Equal("api.aitronos.com asked to wait 600 s, longer than MaxRetryAfter (60 s): not retrying.", entry.Message);
    }

    [Fact]
    public void A_user_http_client_with_a_short_timeout_gets_a_warning()
    {
        var logs = new FakeLogs();
        using var client = new ThreadsClient(new ThreadsClientOptions { LoggerFactory = logs }, new HttpClient());

        var warning = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("HttpClient's Timeout (100 s) is shorter than ThreadsClientOptions.Resilience.GenerationAttemptTimeout (600 s)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_never_appears_in_logs_or_exceptions_whatever_fails_and_thread_ids_only_at_debug()
    {
        const string threadId = "th_SENSITIVE_42";
        // A careless server echoes whatever credential it received, in its message and in a non-JSON body.
        static string Echo(RecordedRequest request) =>
            "{\"error\":{\"message\":\"bad key " + (request.Headers.TryGetValue("Authorization", out var bearer) ? bearer : request.Headers["X-API-Key"]) + "\",\"code\":401}}";
        var failures = new Func<RecordedRequest, int, HttpResponseMessage>[]
        {
            (r, _) => RecordingHandler.Json(Echo(r), HttpStatusCode.Unauthorized, ("x-request-id", "r1")),
            (r, _) => RecordingHandler.Json(Echo(r), HttpStatusCode.ServiceUnavailable),
            (r, _) => RecordingHandler.Json(Echo(r), HttpStatusCode.TooManyRequests, ("Retry-After", "9999")),
            (r, _) => RecordingHandler.Json(Echo(r), HttpStatusCode.NotFound),
            (_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)),
            (r, _) => RecordingHandler.Json("not json at all " + Echo(r), HttpStatusCode.InternalServerError),
            (_, _) => RecordingHandler.Json("{\"id\": 5", HttpStatusCode.OK),
        };
        var logs = new FakeLogs();
        var texts = new List<string>();
        foreach (var failure in failures)
        {
            var clock = new TrackingTimeProvider();
            using var client = Client(new RecordingHandler(failure), logs, clock, r => r.MaxRetries = 1);
            foreach (var call in new Func<Task>[]
            {
                () => client.Aitronos.Threads.GetAsync(threadId),
                () => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, ThreadId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", Messages = { ChatMessage.User("Q") } }),
            })
            {
                var ex = await Record.ExceptionAsync(() => DriveAsync(clock, Wrap(call)));
                Assert.NotNull(ex);
                texts.Add(ex.ToString());
                texts.Add(ex is ThreadsApiException api ? api.Error.ToString() : "");
            }
        }

        texts.AddRange(logs.Entries.Select(e => e.Message + " " + e.Exception));
        Assert.True(logs.Entries.Count >= 10, "the battery must have produced logs to inspect");
        Assert.All(texts, text =>
        {
            Assert.False(text.Contains(TestKeys.Perplexity, StringComparison.Ordinal) || text.Contains(TestKeys.Aitronos, StringComparison.Ordinal), text);
            Assert.DoesNotContain(TestKeys.Perplexity, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestKeys.Aitronos, text, StringComparison.Ordinal);
        });
        Assert.Contains(logs.Entries, e => e.Message.Contains(threadId, StringComparison.Ordinal));
        Assert.All(logs.Entries.Where(e => e.Message.Contains(threadId, StringComparison.Ordinal)), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    private static async Task<bool> Wrap(Func<Task> call)
    {
        await call();
        return true;
    }
}
