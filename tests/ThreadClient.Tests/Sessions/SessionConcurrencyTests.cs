using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class SessionConcurrencyTests
{
    [Fact]
    public async Task A_hundred_concurrent_turns_on_one_session_run_one_at_a_time_in_call_order()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var handler = new RecordingHandler((request, i) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref inFlight);
            return PerplexityReply(ThreadA, "a" + i);
        });
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var turns = Enumerable.Range(0, 100).Select(i => session.SendAsync("q" + i)).ToArray();
        var replies = await Task.WhenAll(turns);

        var sent = handler.Requests.ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => "q" + i), sent.Select(r => Body(r).GetProperty("messages")[0].GetProperty("content").GetString()));
        Assert.False(Body(sent[0]).TryGetProperty("thread_id", out _));
        Assert.All(sent.Skip(1), r => Assert.Equal(ThreadA, Body(r).GetProperty("thread_id").GetString()));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => "a" + i), replies.Select(r => r.Text));
        Assert.Equal(1, maxInFlight);
        Assert.Equal(100, session.Record.TurnCount);
    }

    [Fact]
    public async Task A_turn_cancelled_while_queued_does_not_block_the_turns_behind_it()
    {
        var release = new TaskCompletionSource();
        var handler = new RecordingHandler((request, i) =>
        {
            if (i == 0)
            {
                release.Task.Wait();
            }

            return PerplexityReply(ThreadA, "a" + i);
        });
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        using var cts = new CancellationTokenSource();

        var first = Task.Run(() => session.SendAsync("q0"));
        await TrackingTimeProvider.WaitUntilAsync(() => handler.Requests.Count == 1, "the first turn is sent");
        var cancelled = session.SendAsync("q1", cts.Token);
        var third = session.SendAsync("q2");
        await cts.CancelAsync();
        release.SetResult();

        await first;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("a1", (await third).Text);
        Assert.Equal(["q0", "q2"], handler.Requests.Select(r => Body(r).GetProperty("messages")[0].GetProperty("content").GetString()));
    }

    [Fact]
    public async Task A_thousand_sessions_in_parallel_over_loopback_never_mix_their_threads()
    {
        var threads = new ConcurrentDictionary<string, string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var text = root.GetProperty("messages")[0].GetProperty("content").GetString()!;
            var owner = text.Split(':')[0];
            string threadId;
            if (root.TryGetProperty("thread_id", out var sent))
            {
                threadId = sent.GetString()!;
                if (threads[threadId] != owner)
                {
                    context.Response.StatusCode = 409;
                    return;
                }
            }
            else
            {
                threadId = Guid.NewGuid().ToString();
                threads[threadId] = owner;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = "c",
                ["choices"] = new[] { new { index = 0, message = new { role = "assistant", content = "echo " + text } } },
                ["thread_id"] = threadId,
            }));
        });
        using var client = new ThreadsClient(new ThreadsClientOptions { Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = server.BaseAddress } });

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async n =>
        {
            var session = client.Perplexity.StartSession();
            var first = await session.SendAsync($"user{n}:first");
            var second = await session.SendAsync($"user{n}:second");
            return (n, first, second, session.ThreadId);
        }));

        Assert.Equal(1000, threads.Count);
        Assert.All(results, r =>
        {
            Assert.Equal($"echo user{r.n}:second", r.second.Text);
            Assert.Equal(r.first.ConversationId, r.ThreadId);
            Assert.Equal($"user{r.n}", threads[r.ThreadId!]);
        });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
