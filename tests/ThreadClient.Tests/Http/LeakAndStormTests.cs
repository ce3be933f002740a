using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>RELIABILITY.md 11 (leaks) and 12 (a 429 storm).</summary>
public sealed class LeakAndStormTests
{
    private static HttpResponseMessage Tracked(HttpStatusCode status, TrackingContent.Tracker tracker, ref int created, params (string Name, string Value)[] headers)
    {
        Interlocked.Increment(ref created);
        var response = new HttpResponseMessage(status) { Content = new TrackingContent(Encoding.UTF8.GetBytes("""{"error":{"code":"X"}}"""), "application/json", tracker) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Fact]
    public async Task A_hundred_failing_calls_dispose_every_response()
    {
        var tracker = new TrackingContent.Tracker();
        var created = 0;
        var clock = new TrackingTimeProvider();
        var options = new ThreadsClientOptions { TimeProvider = clock, Perplexity = { ApiKey = TestKeys.Perplexity }, Aitronos = { ApiKey = TestKeys.Aitronos } };
        var inner = new RecordingHandler((request, i) => Tracked(i % 3 == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.InternalServerError, tracker, ref created));
        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadsResilienceHandler(options.Resilience, clock, () => 0) { InnerHandler = inner }));

        for (var i = 0; i < 100; i++)
        {
            Task call = i % 2 == 0
                ? client.Aitronos.Threads.GetAsync("th_1")
                : client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });
            await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(20));
            await Assert.ThrowsAnyAsync<ThreadsApiException>(() => call);
        }

        Assert.True(created > 150, $"retries must have happened ({created} responses)");
        Assert.Equal(created, tracker.Disposed);
    }

    [Fact]
    public async Task A_hundred_failing_calls_over_real_http_reuse_their_connection()
    {
        var connections = new ConcurrentDictionary<string, int>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            connections.AddOrUpdate(context.Connection.Id, 1, (_, n) => n + 1);
            using (var reader = new StreamReader(context.Request.Body))
            {
                await reader.ReadToEndAsync();
            }

            context.Response.StatusCode = context.Request.Method == "GET" ? 503 : 500;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"DOWN","message":"down for a while, with a body long enough to need reading"}}""");
        });
        using var client = new ThreadsClient(new ThreadsClientOptions
        {
            Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = server.BaseAddress },
            Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = server.BaseAddress },
            Resilience = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(1) },
        });

        for (var i = 0; i < 100; i++)
        {
            await Assert.ThrowsAnyAsync<ThreadsApiException>(() => i % 2 == 0
                ? client.Aitronos.Threads.GetAsync("th_1")
                : client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }));
        }

        Assert.Equal(150, connections.Values.Sum());
        Assert.Single(connections);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_all_answered_429_make_bounded_spread_retries()
    {
        var clock = new TrackingTimeProvider();
        var logs = new FakeLogs();
        var tracker = new TrackingContent.Tracker();
        var created = 0;
        var options = new ThreadsClientOptions { TimeProvider = clock, Perplexity = { ApiKey = TestKeys.Perplexity } };
        var inner = new RecordingHandler((_, _) => Tracked(HttpStatusCode.TooManyRequests, tracker, ref created, ("Retry-After", "1")));
        var random = new Random(7);
        double Jitter()
        {
            lock (random)
            {
                return random.NextDouble();
            }
        }

        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadsResilienceHandler(options.Resilience, clock, Jitter, logs.CreateLogger("ThreadClient")) { InnerHandler = inner }));

        var started = clock.GetUtcNow();
        List<Task<ChatCompletion>> calls = [];
        string State() => $"{inner.Requests.Count} requests, {clock.PendingTimers} timers pending, next due {clock.NextDue - clock.GetUtcNow()}, {calls.Count(c => c.IsCompleted)} calls done: {string.Join("; ", calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException!.GetType().Name).Distinct())}";
        calls = Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } })))
            .ToList();
        // In rounds: every call waits on its retry timer before the clock moves past the longest one (1.25 s).
        await TrackingTimeProvider.WaitUntilAsync(() => inner.Requests.Count == 50 && clock.PendingTimers == 50, "all 50 first attempts wait for their retry", State);
        clock.Advance(TimeSpan.FromSeconds(1.25));
        await TrackingTimeProvider.WaitUntilAsync(() => inner.Requests.Count == 100 && clock.PendingTimers == 50, "all 50 second attempts wait for their retry", State);
        clock.Advance(TimeSpan.FromSeconds(1.25));
        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RateLimitedException>(() => call);
            Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        }

        Assert.Equal(150, inner.Requests.Count);
        Assert.Equal(150, tracker.Disposed);
        var delays = logs.Entries.Where(e => e.Id.Id == 1)
            .Select(e => int.Parse(e.Message.Split(" in ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(100, delays.Count);
        Assert.All(delays, d => Assert.InRange(d, 1000, 1250));
        Assert.True(delays.Distinct().Count() >= 40, $"retries must be spread, got {delays.Distinct().Count()} distinct delays");
        Assert.True(clock.GetUtcNow() - started <= TimeSpan.FromSeconds(2.5));
    }
}
