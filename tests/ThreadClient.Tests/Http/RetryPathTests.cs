using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ThreadClient.DependencyInjection;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>The SDK's retries and timeouts are right whichever way the client is built, and creating a thread is never duplicated.</summary>
public sealed class RetryPathTests
{
    private const string Completion = """{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi."}}]}""";

    private static ChatCompletionRequest Request() => new() { Messages = { ChatMessage.User("Q") } };

    [Fact]
    public async Task A_callers_http_client_gets_the_sdks_429_retry()
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.TooManyRequests), RecordingHandler.Json(Completion));
        using var http = new HttpClient(handler);
        using var client = new ThreadsClient(new ThreadsClientOptions { TimeProvider = clock, Perplexity = { ApiKey = TestKeys.Perplexity } }, http);

        var call = client.Perplexity.CreateChatCompletionAsync(Request());
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(1));

        Assert.Equal("Hi.", (await call).Content);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_callers_http_client_gets_the_sdks_generation_timeout()
    {
        var clock = new TrackingTimeProvider();
        var handler = new HangingHandler();
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new ThreadsClientOptions { TimeProvider = clock, Perplexity = { ApiKey = TestKeys.Perplexity }, Resilience = { GenerationAttemptTimeout = TimeSpan.FromSeconds(30) } };
        using var client = new ThreadsClient(options, http);

        var call = client.Perplexity.CreateChatCompletionAsync(Request());
        await TrackingTimeProvider.WaitUntilAsync(() => handler.Calls == 1, "the request to be sent");
        clock.Advance(TimeSpan.FromSeconds(31));

        var error = await Assert.ThrowsAsync<ThreadsTimeoutException>(() => call);
        Assert.Contains(nameof(ResilienceOptions.GenerationAttemptTimeout), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Creating_a_thread_is_not_retried_after_a_500()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.InternalServerError), RecordingHandler.Json("""{"id":"th_2"}"""));
        using var client = new ThreadsClient(new ThreadsClientOptions { Aitronos = { ApiKey = TestKeys.Aitronos }, Resilience = { BaseDelay = TimeSpan.FromMilliseconds(1) } }, handler);

        var error = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Aitronos.Threads.CreateAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, error.Error.StatusCode);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Creating_a_thread_whose_connection_dropped_after_sending_is_not_retried_and_says_it_may_exist()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException("The response ended prematurely.", new IOException("reset")));
        using var client = new ThreadsClient(new ThreadsClientOptions { Aitronos = { ApiKey = TestKeys.Aitronos }, Resilience = { BaseDelay = TimeSpan.FromMilliseconds(1) } }, handler);

        var error = await Assert.ThrowsAsync<ThreadsConnectionException>(() => client.Aitronos.Threads.CreateAsync());

        Assert.True(error.MayHaveBeenProcessed);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Adding_the_client_twice_keeps_one_retry_pipeline()
    {
        var clock = new TrackingTimeProvider();
        var primary = new RecordingHandler((_, _) => RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddThreadsClient(o => o.Aitronos.ApiKey = TestKeys.Aitronos);
        services.AddThreadsClient(o => o.Aitronos.ApiKey = TestKeys.Aitronos).Aitronos.ConfigurePrimaryHttpMessageHandler(() => primary);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ThreadsClient>();

        var call = client.Aitronos.Threads.GetAsync("th_1");
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(5));

        await Assert.ThrowsAnyAsync<ThreadsApiException>(() => call);
        Assert.Equal(3, primary.Requests.Count);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
