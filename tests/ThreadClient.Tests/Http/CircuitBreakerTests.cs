using System.Net;
using Polly.CircuitBreaker;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

public sealed class CircuitBreakerTests
{
    private static ThreadsClient Client(RecordingHandler inner, TrackingTimeProvider clock, bool enabled, FakeLogs? logs = null)
    {
        var options = new ThreadsClientOptions { TimeProvider = clock };
        options.Perplexity.ApiKey = TestKeys.Perplexity;
        options.Aitronos.ApiKey = TestKeys.Aitronos;
        options.Resilience.MaxRetries = 0;
        options.Resilience.CircuitBreaker.Enabled = enabled;
        var handler = new ThreadsResilienceHandler(options.Resilience, clock, () => 0, logs?.CreateLogger("ThreadClient")) { InnerHandler = inner };
        return new ThreadsClient(OwnPipeline.Of(options), new HttpClient(handler));
    }

    private static RecordingHandler Answering(Func<RecordedRequest, HttpStatusCode> status) =>
        new((request, _) => RecordingHandler.Json(status(request) == HttpStatusCode.OK ? """{"id":"th_1"}""" : "{}", status(request)));

    private static async Task FailTimes(ThreadsClient client, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<ThreadsApiException>(() => client.Aitronos.Threads.GetAsync("th_1"));
        }
    }

    [Fact]
    public async Task Is_off_by_default_so_every_call_reaches_the_server()
    {
        var inner = Answering(_ => HttpStatusCode.InternalServerError);
        using var client = Client(inner, new TrackingTimeProvider(), enabled: false);

        await FailTimes(client, 40);

        Assert.Equal(40, inner.Requests.Count);
    }

    [Fact]
    public async Task Opens_after_half_of_twenty_calls_fail_then_fails_fast_until_the_break_ends()
    {
        var clock = new TrackingTimeProvider();
        var logs = new FakeLogs();
        var healthy = false;
        var inner = Answering(_ => healthy ? HttpStatusCode.OK : HttpStatusCode.BadGateway);
        using var client = Client(inner, clock, enabled: true, logs);

        await FailTimes(client, 20);
        var open = await Assert.ThrowsAsync<ThreadsCircuitOpenException>(() => client.Aitronos.Threads.GetAsync("th_1"));
        var fast = Assert.IsAssignableFrom<BrokenCircuitException>(open.InnerException);

        Assert.Equal(20, inner.Requests.Count);
        Assert.Contains(logs.Entries, e => e.Message == "The circuit to api.aitronos.com opened for 30 s after repeated failures.");

        clock.Advance(TimeSpan.FromSeconds(30));
        healthy = true;
        var thread = await client.Aitronos.Threads.GetAsync("th_1");

        Assert.Equal("th_1", thread.Id);
        Assert.Equal(21, inner.Requests.Count);
        Assert.NotNull(fast.RetryAfter);
    }

    [Fact]
    public async Task Counts_only_server_errors_never_429_or_other_4xx()
    {
        var clock = new TrackingTimeProvider();
        var inner = Answering(_ => HttpStatusCode.TooManyRequests);
        using var client = Client(inner, clock, enabled: true);

        for (var i = 0; i < 30; i++)
        {
            await Assert.ThrowsAsync<RateLimitedException>(() => client.Aitronos.Threads.GetAsync("th_1"));
        }

        Assert.Equal(30, inner.Requests.Count);
    }

    [Fact]
    public async Task Keeps_one_circuit_per_host_so_an_outage_of_one_provider_does_not_stop_the_other()
    {
        var clock = new TrackingTimeProvider();
        var inner = new RecordingHandler((request, _) => request.Uri.Host == "api.aitronos.com"
            ? RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable)
            : RecordingHandler.Json("""{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}"""));
        using var client = Client(inner, clock, enabled: true);

        await FailTimes(client, 20);
        await Assert.ThrowsAsync<ThreadsCircuitOpenException>(() => client.Aitronos.Threads.GetAsync("th_1"));
        var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });

        Assert.Equal("ok", reply.Content);
    }

    [Theory]
    [InlineData("FailureRatio")]
    [InlineData("MinimumThroughput")]
    [InlineData("BreakDuration")]
    public void Nonsense_breaker_settings_are_refused_naming_the_setting(string setting)
    {
        var options = new ThreadsClientOptions();
        var breaker = options.Resilience.CircuitBreaker;
        switch (setting)
        {
            case "FailureRatio": breaker.FailureRatio = 1.5; break;
            case "MinimumThroughput": breaker.MinimumThroughput = 0; break;
            default: breaker.BreakDuration = TimeSpan.Zero; break;
        }

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadsClient(options));

        Assert.Equal("ThreadsClientOptions.Resilience.CircuitBreaker." + setting, ex.ParamName);
    }
}
