using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>Over real loopback HTTP with the SDK's own socket handler: an abandoned stream is closed at once, a finished one keeps its connection.</summary>
public sealed class StreamCloseTests
{
    private const int Frames = 11;

    private static ThreadsClientOptions Options(Uri baseAddress) => new() { Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = baseAddress } };

    private sealed class SlowStream
    {
        /// <summary>How many frames the server began to write.</summary>
        public int Written;
        public readonly TaskCompletionSource<long> Aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ConcurrentQueue<string> Connections = new();

        public async Task Serve(HttpContext context)
        {
            Connections.Enqueue(context.Connection.Id);
            context.RequestAborted.Register(() => Aborted.TrySetResult(Stopwatch.GetTimestamp()));
            context.Response.ContentType = "text/event-stream";
            try
            {
                for (var i = 0; i < Frames; i++)
                {
                    // Counted as the write begins: a client that reads the frame and closes at once can
                    // abort the flush before a count taken after it.
                    Interlocked.Increment(ref Written);
                    await context.Response.WriteAsync(AgentStreams.Sse(AgentStreams.Delta("w" + i + " ", i)), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(30, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task Break_closes_the_connection_at_once_and_the_server_stops_writing()
    {
        var slow = new SlowStream();
        await using var server = await LoopbackServer.StartAsync(slow.Serve);
        using var client = new ThreadsClient(Options(server.BaseAddress));

        var broke = 0L;
        await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }))
        {
            // Taken before the break: the close can reach the server before the line after the loop runs.
            broke = Stopwatch.GetTimestamp();
            break;
        }

        var aborted = await slow.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(5));

        // .NET's default drain would keep reading for up to 2 s while the server wrote all 11 frames (330 ms):
        // closed at once, the server sees the abort well before that and never writes the last frames.
        // (The bounds leave room for a loaded machine running the whole suite.)
        Assert.InRange(Stopwatch.GetElapsedTime(broke, aborted), TimeSpan.Zero, TimeSpan.FromMilliseconds(1000));
        Assert.InRange(Volatile.Read(ref slow.Written), 1, Frames - 2);
    }

    [Fact]
    public async Task Thirty_abandoned_streams_leave_no_connection_for_the_server_to_write_to()
    {
        var streams = new ConcurrentBag<SlowStream>();
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var slow = new SlowStream();
            streams.Add(slow);
            return slow.Serve(context);
        });
        using var client = new ThreadsClient(Options(server.BaseAddress));

        for (var i = 0; i < 30; i++)
        {
            await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }))
            {
                break;
            }
        }

        await Task.WhenAll(streams.Select(s => s.Aborted.Task)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(30, streams.Count);
        // Each server began at most four of its eleven frames (one every 30 ms) before it saw the close.
        Assert.All(streams, s => Assert.InRange(Volatile.Read(ref s.Written), 1, 4));
    }

    [Fact]
    public async Task A_stream_read_to_its_end_leaves_its_connection_for_the_next_call()
    {
        var connections = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            connections.Enqueue(context.Connection.Id);
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(AgentStreams.Sse(AgentStreams.Documented("Hel", "lo")));
        });
        using var client = new ThreadsClient(Options(server.BaseAddress));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Hello", (await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync()).OutputText);
        }

        Assert.Single(connections.Distinct());
    }
}
