using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

/// <summary>End to end over real HTTP: a Kestrel server on 127.0.0.1 that keeps a thread's turns.</summary>
public sealed class PerplexityLoopbackTests
{
    [Fact]
    public async Task Threaded_conversation_and_stream_over_real_http()
    {
        var turns = new List<string>();
        var auth = new List<string?>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Assert.Equal("/chat/completions", context.Request.Path.Value);
            auth.Add(context.Request.Headers.Authorization);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var root = body.RootElement;
            var question = root.GetProperty("messages")[0].GetProperty("content").GetString()!;
            var continued = root.TryGetProperty("thread_id", out var threadId);
            lock (turns)
            {
                turns.Add((continued ? threadId.GetString() : "new") + ":" + question);
            }

            var answer = $"answer {turns.Count} to {question}";
            if (root.TryGetProperty("stream", out var stream) && stream.GetBoolean())
            {
                context.Response.ContentType = "text/event-stream";
                var sse = PerplexityStreams.FullMode(["answer ", turns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), " streamed"]);
                await context.Response.WriteAsync(sse);
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                $$"""{"id":"r{{turns.Count}}","model":"sonar-pro","choices":[{"index":0,"message":{"role":"assistant","content":"{{answer}}"},"finish_reason":"stop"}],"thread_id":"{{PerplexitySeed.ThreadId}}"}""",
                Encoding.UTF8);
        });

        var options = new ThreadsClientOptions { Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = server.BaseAddress } };
        using var client = new ThreadsClient(options);

        var first = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { ChatMessage.User("Which film?") } });
        var second = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, ThreadId = first.ThreadId, Messages = { ChatMessage.User("Director?") } });
        var third = await client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, ThreadId = second.ThreadId, Messages = { ChatMessage.User("More?") } }).ToChatCompletionAsync();

        Assert.Equal("answer 1 to Which film?", first.Content);
        Assert.Equal("answer 2 to Director?", second.Content);
        Assert.Equal("answer 3 streamed", third.Content);
        Assert.Equal(PerplexitySeed.ThreadId, third.ThreadId);
        Assert.Equal(["new:Which film?", PerplexitySeed.ThreadId + ":Director?", PerplexitySeed.ThreadId + ":More?"], turns);
        Assert.All(auth, value => Assert.Equal("Bearer " + TestKeys.Perplexity, value));
    }
}
