using System.Net;
using Microsoft.Extensions.Configuration;
using ThreadClient.Aitronos;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

public sealed class ResilienceTests
{
    private static readonly TimeSpan NoTimeouts = TimeSpan.FromSeconds(20);

    private sealed class Rig : IDisposable
    {
        public Rig(RecordingHandler handler, Action<ResilienceOptions>? configure = null, double jitter = 0)
        {
            Handler = handler;
            var options = new ThreadsClientOptions { TimeProvider = Clock };
            options.Perplexity.ApiKey = TestKeys.Perplexity;
            options.Aitronos.ApiKey = TestKeys.Aitronos;
            configure?.Invoke(options.Resilience);
            var resilience = new ThreadsResilienceHandler(options.Resilience, Clock, () => jitter) { InnerHandler = handler };
            Client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(resilience));
        }

        public TrackingTimeProvider Clock { get; } = new();

        public RecordingHandler Handler { get; }

        public ThreadsClient Client { get; }

        public void Dispose() => Client.Dispose();

        /// <summary>Runs the call, advancing the fake clock through each retry delay, and returns the delays waited.</summary>
        public async Task<List<TimeSpan>> RunAsync(Func<ThreadsClient, Task> call, int expectedDelays)
        {
            var task = call(Client);
            var delays = new List<TimeSpan>();
            for (var i = 0; i < expectedDelays; i++)
            {
                delays.Add(await Clock.AdvanceToNextTimerAsync(NoTimeouts));
            }

            await task;
            return delays;
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode status, params (string, string)[] headers) =>
        RecordingHandler.Json("""{"error":{"message":"m","type":"t","code":1}}""", status, headers);

    private static Task GetThread(ThreadsClient client) => client.Aitronos.Threads.GetAsync("th_1");

    private static Task Generate(ThreadsClient client) =>
        client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });

    [Fact]
    public async Task Get_503_503_200_retries_twice_with_backoff_whose_first_delay_is_not_zero()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.ServiceUnavailable), RecordingHandler.Json("""{"id":"th_1"}""")));

        var delays = await rig.RunAsync(GetThread, expectedDelays: 2);

        Assert.Equal([TimeSpan.FromMilliseconds(375), TimeSpan.FromMilliseconds(750)], delays);
        Assert.Equal(3, rig.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(0.0, 375, 750)]
    [InlineData(1.0, 500, 1000)]
    public async Task Jitter_stays_between_75_and_100_percent_of_the_step(double jitter, int first, int second)
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.GatewayTimeout), RecordingHandler.Json("{}")), jitter: jitter);

        var delays = await rig.RunAsync(GetThread, expectedDelays: 2);

        Assert.Equal([TimeSpan.FromMilliseconds(first), TimeSpan.FromMilliseconds(second)], delays);
    }

    [Fact]
    public async Task Backoff_is_capped_at_max_delay()
    {
        var replies = Enumerable.Range(0, 6).Select(_ => Status(HttpStatusCode.ServiceUnavailable)).Append(RecordingHandler.Json("{}")).ToArray();
        using var rig = new Rig(new RecordingHandler(replies), o => { o.MaxRetries = 6; o.MaxDelay = TimeSpan.FromSeconds(4); }, jitter: 1);

        var delays = await rig.RunAsync(GetThread, expectedDelays: 6);

        Assert.Equal(new[] { 0.5, 1, 2, 4, 4, 4 }.Select(TimeSpan.FromSeconds), delays);
    }

    [Theory]
    [InlineData("retry-after-ms", "250", 250)]
    [InlineData("Retry-After", "2", 2000)]
    public async Task Retry_after_headers_set_the_delay(string header, string value, int expectedMs)
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.TooManyRequests, (header, value)), RecordingHandler.Json("{}")));

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromMilliseconds(expectedMs)], delays);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_read_with_the_injected_clock()
    {
        var clock = new TrackingTimeProvider();
        var date = clock.GetUtcNow().AddSeconds(3).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.TooManyRequests, ("Retry-After", date)), RecordingHandler.Json("{}")));

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromSeconds(3)], delays);
    }

    [Theory]
    [InlineData(0, 4000)]
    [InlineData(1, 5000)]
    public async Task A_429_without_retry_after_waits_until_x_ratelimit_reset_with_the_usual_spread(double jitter, int expectedMs)
    {
        // Perplexity's Agent API documents no Retry-After: its 429 says when the window resets, in unix seconds.
        var clock = new TrackingTimeProvider();
        var reset = clock.GetUtcNow().AddSeconds(4).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var rig = new Rig(
            new RecordingHandler(
                RecordingHandler.Json("""{"error":{"message":"rate limit exceeded","type":"request_rate_limit_exceeded","code":429}}""", HttpStatusCode.TooManyRequests, ("x-ratelimit-limit", "50"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset), ("x-ratelimit-used", "50")),
                RecordingHandler.Json("{}")),
            jitter: jitter);

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromMilliseconds(expectedMs)], delays);
        Assert.Equal(2, rig.Handler.Requests.Count);
    }

    [Fact]
    public async Task A_429_whose_x_ratelimit_reset_is_past_the_cap_is_not_waited_for_and_carries_the_limits()
    {
        var clock = new TrackingTimeProvider();
        var reset = clock.GetUtcNow().AddSeconds(90);
        using var rig = new Rig(new RecordingHandler(RecordingHandler.Json(
            """{"error":{"message":"rate limit exceeded","type":"request_rate_limit_exceeded","code":429}}""",
            HttpStatusCode.TooManyRequests,
            ("x-ratelimit-limit", "50"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("x-ratelimit-used", "50"))));

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => Generate(rig.Client));

        Assert.Single(rig.Handler.Requests);
        Assert.Equal(TimeSpan.FromSeconds(90), ex.RetryAfter);
        Assert.Equal(new ThreadsRateLimits { Limit = 50, Remaining = 0, Reset = DateTimeOffset.FromUnixTimeSeconds(reset.ToUnixTimeSeconds()), Used = 50 }, ex.RateLimits);
        Assert.Equal(("request_rate_limit_exceeded", "429"), (ex.Error.Type, ex.ErrorCode));
    }

    [Fact]
    public async Task A_429_whose_x_ratelimit_reset_has_passed_backs_off_as_usual()
    {
        using var rig = new Rig(new RecordingHandler(
            RecordingHandler.Json("{}", HttpStatusCode.TooManyRequests, ("x-ratelimit-reset", "1")),
            RecordingHandler.Json("{}")));

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromMilliseconds(375)], delays);
    }

    [Fact]
    public async Task Retry_after_wins_over_x_ratelimit_reset()
    {
        var clock = new TrackingTimeProvider();
        var reset = clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.TooManyRequests, ("Retry-After", "2"), ("x-ratelimit-reset", reset)), RecordingHandler.Json("{}")));

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromSeconds(2)], delays);
    }

    [Fact]
    public async Task Garbage_retry_after_falls_back_to_backoff()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.TooManyRequests, ("Retry-After", "soon-ish")), RecordingHandler.Json("{}")));

        var delays = await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal([TimeSpan.FromMilliseconds(375)], delays);
    }

    [Fact]
    public async Task Retry_after_above_the_cap_is_not_waited_for_and_surfaces_its_value()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.TooManyRequests, ("Retry-After", "120")), RecordingHandler.Json("{}")));

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => Generate(rig.Client));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Single(rig.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Paid_post_is_not_retried_after_a_server_error_in_safe_mode(HttpStatusCode status)
    {
        using var rig = new Rig(new RecordingHandler(Status(status), RecordingHandler.Json("{}")));

        var ex = await Assert.ThrowsAsync<ThreadsApiException>(() => Generate(rig.Client));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(rig.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Paid_post_is_retried_after_a_server_error_in_always_mode(HttpStatusCode status)
    {
        using var rig = new Rig(new RecordingHandler(Status(status), RecordingHandler.Json("""{"choices":[]}""")), o => o.RetryMode = RetryMode.Always);

        await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal(2, rig.Handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Paid_post_is_retried_after_429_and_503_and_sends_the_same_bytes(HttpStatusCode status)
    {
        using var rig = new Rig(new RecordingHandler(Status(status), RecordingHandler.Json("""{"choices":[]}""")));

        await rig.RunAsync(Generate, expectedDelays: 1);

        var bodies = rig.Handler.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(2, bodies.Length);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal("""{"model":"sonar-pro","messages":[{"role":"user","content":"Q"}]}""", bodies[0]);
    }

    [Fact]
    public async Task X_should_retry_true_retries_a_paid_500()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.InternalServerError, ("x-should-retry", "true")), RecordingHandler.Json("""{"choices":[]}""")));

        await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal(2, rig.Handler.Requests.Count);
    }

    [Fact]
    public async Task X_should_retry_false_stops_a_retryable_503()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.ServiceUnavailable, ("x-should-retry", "false")), RecordingHandler.Json("{}")));

        await Assert.ThrowsAsync<ThreadsApiException>(() => GetThread(rig.Client));

        Assert.Single(rig.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task Client_errors_are_never_retried(HttpStatusCode status)
    {
        using var rig = new Rig(new RecordingHandler(Status(status, ("x-request-id", "req_1")), RecordingHandler.Json("{}")));

        var ex = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => GetThread(rig.Client));

        Assert.Equal((status, "1", "req_1"), (ex.StatusCode, ex.ErrorCode, ex.RequestId));
        Assert.Contains("\"message\":\"m\"", ex.Error.RawBody, StringComparison.Ordinal);
        Assert.Single(rig.Handler.Requests);
    }

    [Fact]
    public async Task Failed_attempts_responses_are_disposed()
    {
        var tracker = new TrackingContent.Tracker();
        HttpResponseMessage Failing() => new(HttpStatusCode.ServiceUnavailable) { Content = new TrackingContent("{}"u8.ToArray(), "application/json", tracker) };
        using var rig = new Rig(new RecordingHandler(Failing(), Failing(), RecordingHandler.Json("""{"id":"th_1"}""")));

        await rig.RunAsync(GetThread, expectedDelays: 2);

        Assert.Equal(2, tracker.Disposed);
    }

    [Fact]
    public async Task Connection_refused_is_retried_even_for_a_paid_post()
    {
        var handler = new RecordingHandler((_, i) => i == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")
            : RecordingHandler.Json("""{"choices":[]}"""));
        using var rig = new Rig(handler);

        await rig.RunAsync(Generate, expectedDelays: 1);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Connection_broken_after_sending_is_not_retried_for_a_paid_post_in_safe_mode()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));
        using var rig = new Rig(handler);

        var ex = await Assert.ThrowsAsync<ThreadsConnectionException>(() => Generate(rig.Client));
        Assert.True(ex.MayHaveBeenProcessed);

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Stalled_attempt_times_out_with_an_exception_naming_the_timeout()
    {
        var clock = new TrackingTimeProvider();
        var options = new ThreadsClientOptions { TimeProvider = clock, Aitronos = { ApiKey = TestKeys.Aitronos }, Resilience = { MaxRetries = 0 } };
        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadsResilienceHandler(options.Resilience, clock, () => 0) { InnerHandler = new StallingHandler() }));

        var call = client.Aitronos.Threads.GetAsync("th_1");
        var waited = await clock.AdvanceToNextTimerAsync(TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAsync<ThreadsTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(30), waited);
        Assert.Equal(("CrudAttemptTimeout", TimeSpan.FromSeconds(30)), (ex.TimeoutName, ex.Timeout));
        Assert.Contains("ThreadsClientOptions.Resilience.CrudAttemptTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancelling_during_a_retry_delay_surfaces_as_the_callers_cancellation()
    {
        using var rig = new Rig(new RecordingHandler(Status(HttpStatusCode.ServiceUnavailable), RecordingHandler.Json("{}")));
        using var cts = new CancellationTokenSource();

        var call = rig.Client.Aitronos.Threads.GetAsync("th_1", cts.Token);
        await TrackingTimeProvider.WaitUntilAsync(() => !rig.Handler.Requests.IsEmpty && rig.Clock.PendingTimers > 0, "the retry delay is waiting on the clock");
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(rig.Handler.Requests);
    }

    [Theory]
    [InlineData("MaxRetries", -1)]
    [InlineData("CrudAttemptTimeout", 0)]
    [InlineData("BaseDelay", 0)]
    [InlineData("StreamIdleTimeout", 0)]
    public void Nonsense_settings_are_refused_naming_the_setting(string setting, int value)
    {
        var options = new ThreadsClientOptions();
        switch (setting)
        {
            case "MaxRetries": options.Resilience.MaxRetries = value; break;
            case "CrudAttemptTimeout": options.Resilience.CrudAttemptTimeout = TimeSpan.FromSeconds(value); break;
            case "StreamIdleTimeout": options.Resilience.StreamIdleTimeout = TimeSpan.FromSeconds(value); break;
            default: options.Resilience.BaseDelay = TimeSpan.FromSeconds(value); break;
        }

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadsClient(options));

        Assert.Equal("ThreadsClientOptions.Resilience." + setting, ex.ParamName);
    }

    [Fact]
    public void Every_resilience_setting_binds_from_json_configuration()
    {
        const string json = """
            {
              "ThreadClient": {
                "Resilience": {
                  "MaxRetries": 4,
                  "BaseDelay": "00:00:01",
                  "MaxDelay": "00:00:20",
                  "RetryMode": "Always",
                  "MaxRetryAfter": "00:02:00",
                  "GenerationAttemptTimeout": "00:05:00",
                  "CrudAttemptTimeout": "00:00:10",
                  "StreamHeadersTimeout": "00:00:45",
                  "StreamIdleTimeout": "00:03:00",
                  "CircuitBreaker": { "Enabled": true, "FailureRatio": 0.25, "MinimumThroughput": 8, "SamplingDuration": "00:01:00", "BreakDuration": "00:00:15" }
                }
              }
            }
            """;
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .Build();
        var options = new ThreadsClientOptions();

        configuration.GetSection("ThreadClient").Bind(options);

        var r = options.Resilience;
        Assert.Equal(
            (4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), RetryMode.Always, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(3)),
            (r.MaxRetries, r.BaseDelay, r.MaxDelay, r.RetryMode, r.MaxRetryAfter, r.GenerationAttemptTimeout, r.CrudAttemptTimeout, r.StreamHeadersTimeout, r.StreamIdleTimeout));
        var b = r.CircuitBreaker;
        Assert.Equal((true, 0.25, 8, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15)), (b.Enabled, b.FailureRatio, b.MinimumThroughput, b.SamplingDuration, b.BreakDuration));
        using var client = new ThreadsClient(options);
    }

    private sealed class StallingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
