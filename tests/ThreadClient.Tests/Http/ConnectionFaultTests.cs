using System.Net;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;

namespace ThreadClient.Tests.Http;

/// <summary>Connection-level faults (RELIABILITY.md 6-9) against a real Kestrel server on 127.0.0.1, with the client the options build.</summary>
public sealed class ConnectionFaultTests
{
    private static ChatCompletionRequest Question() => new() { Messages = { ChatMessage.User("Q") } };

    private static ThreadsClient Client(Uri baseAddress, TimeProvider? clock = null, int maxRetries = 2) => new(new ThreadsClientOptions
    {
        TimeProvider = clock ?? TimeProvider.System,
        Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = baseAddress },
        Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = baseAddress },
        Resilience = { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) },
    });

    private static async Task ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        await reader.ReadToEndAsync(context.RequestAborted);
    }

    [Fact]
    public async Task Connection_dropped_after_a_paid_post_was_read_is_not_retried_in_safe_mode()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            await ReadBodyAsync(context);
            context.Abort();
        });
        using var client = Client(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<ThreadsConnectionException>(() => client.Perplexity.CreateChatCompletionAsync(Question()));
        Assert.True(ex.MayHaveBeenProcessed);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Contains("may have run", ex.Message, StringComparison.Ordinal);
        Assert.Contains("deliberately did not retry", ex.Message, StringComparison.Ordinal);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Connection_dropped_on_a_thread_read_is_retried()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) < 3)
            {
                context.Abort();
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"th_1"}""");
        });
        using var client = Client(server.BaseAddress);

        var thread = await client.Aitronos.Threads.GetAsync("th_1");

        Assert.Equal("th_1", thread.Id);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Stream_headers_that_never_come_time_out_after_the_stream_headers_timeout()
    {
        var clock = new TrackingTimeProvider();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress, clock);

        var call = client.Perplexity.StreamChatCompletionAsync(Question()).ToChatCompletionAsync();
        await TrackingTimeProvider.WaitUntilAsync(() => Volatile.Read(ref calls) == 1, "the request arrives");
        var waited = await clock.AdvanceToNextTimerAsync(TimeSpan.FromMinutes(2));
        var ex = await Assert.ThrowsAsync<ThreadsTimeoutException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(60), waited);
        Assert.Equal("StreamHeadersTimeout", ex.TimeoutName);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Body_that_stalls_after_fast_headers_is_cut_by_the_attempt_timeout_and_retried_for_a_read()
    {
        var clock = new TrackingTimeProvider();
        var stalled = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("""{"id":"th""");
            await context.Response.Body.FlushAsync();
            Interlocked.Increment(ref stalled);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress, clock, maxRetries: 1);

        var call = client.Aitronos.Threads.GetAsync("th_1");
        await TrackingTimeProvider.WaitUntilAsync(() => Volatile.Read(ref stalled) == 1, "the first body stalls");
        var first = await clock.AdvanceToNextTimerAsync(TimeSpan.FromMinutes(1));
        await clock.AdvanceToNextTimerAsync(TimeSpan.FromSeconds(1));
        await TrackingTimeProvider.WaitUntilAsync(() => Volatile.Read(ref stalled) == 2, "the retried body stalls");
        var second = await clock.AdvanceToNextTimerAsync(TimeSpan.FromMinutes(1));
        var ex = await Assert.ThrowsAsync<ThreadsTimeoutException>(() => call);

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)), (first, second));
        Assert.Equal("CrudAttemptTimeout", ex.TimeoutName);
        Assert.Equal(2, stalled);
    }

    [Fact]
    public async Task Stream_silent_past_the_idle_timeout_fails_naming_it_and_is_not_retried()
    {
        var clock = new TrackingTimeProvider();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(PerplexityStreams.FullMode(["Hel"], done: false));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress, clock);
        var received = new List<string?>();

        var reading = Task.Run(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Question()))
            {
                received.Add(chunk.Choices[0].Delta?.Content?.Text);
            }
        });
        await TrackingTimeProvider.WaitUntilAsync(() => received.Count == 1, "the first chunk arrives");
        var waited = await clock.AdvanceToNextTimerAsync(TimeSpan.FromMinutes(5));
        var ex = await Assert.ThrowsAsync<ThreadsTimeoutException>(() => reading);

        Assert.Equal(TimeSpan.FromSeconds(120), waited);
        Assert.Equal("StreamIdleTimeout", ex.TimeoutName);
        Assert.Equal(["Hel"], received);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_generation_alive_past_the_idle_timeout()
    {
        var clock = new TrackingTimeProvider();
        var beat = new SemaphoreSlim(0);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.FlushAsync();
            for (var i = 0; i < 3; i++)
            {
                await beat.WaitAsync(context.RequestAborted);
                await context.Response.WriteAsync(": keep-alive\n\n");
                await context.Response.Body.FlushAsync();
            }

            await beat.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync(PerplexityStreams.FullMode(["Long ", "answer"]));
        });
        using var client = Client(server.BaseAddress, clock);

        var call = client.Perplexity.StreamChatCompletionAsync(Question()).ToChatCompletionAsync();
        for (var i = 0; i < 4; i++)
        {
            // Wait for the reader to arm its idle timer, then let 100 s of silence pass before the next bytes.
            await TrackingTimeProvider.WaitUntilAsync(() => clock.NextDue == clock.GetUtcNow() + TimeSpan.FromSeconds(120), "the idle timer is re-armed");
            clock.Advance(TimeSpan.FromSeconds(100));
            beat.Release();
        }

        var completion = await call;

        Assert.Equal("Long answer", completion.Content);
    }

    [Fact]
    public async Task Connection_reset_mid_stream_reports_the_partial_output_and_is_not_retried()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers["x-request-id"] = "req-cut";
            await context.Response.WriteAsync(PerplexityStreams.FullMode(["Hello, ", "wor"], done: false));
            await context.Response.Body.FlushAsync();
            await Task.Delay(250); // a reset discards unread data: let the client read the events first
            context.Abort();
        });
        using var client = Client(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.StreamChatCompletionAsync(Question()).ToChatCompletionAsync());

        Assert.Equal("Hello, wor", ex.PartialText);
        Assert.Equal(("stream_interrupted", "req-cut", HttpStatusCode.OK), (ex.ErrorCode, ex.RequestId, ex.StatusCode));
        Assert.IsAssignableFrom<Exception>(ex.InnerException);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Caller_cancelling_during_the_send_gets_its_own_cancellation_and_no_retry()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress);
        using var cts = new CancellationTokenSource();

        var call = client.Aitronos.Threads.GetAsync("th_1", cts.Token);
        await TrackingTimeProvider.WaitUntilAsync(() => Volatile.Read(ref calls) == 1, "the request arrives");
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, calls); // the call has ended: no attempt can follow it
    }

    [Fact]
    public async Task Caller_cancelling_during_a_stream_gets_its_own_cancellation()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(PerplexityStreams.FullMode(["Hel"], done: false));
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress);
        using var cts = new CancellationTokenSource();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Question(), cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal(cts.Token, ex.CancellationToken);
    }
}
