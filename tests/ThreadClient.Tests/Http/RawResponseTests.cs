using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using ThreadClient.Tests.Perplexity.Agent;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ThreadClient.Tests.Http;

/// <summary>Every result says which HTTP reply produced it: status, request id, rate limits, headers (<see cref="ThreadsResult.GetRawResponse"/>).</summary>
public sealed class RawResponseTests : ScriptedServer
{
    private static IResponseBuilder Reply(string body, string requestId, string contentType = "application/json", int status = 200) => Response.Create()
        .WithStatusCode(status)
        .WithHeader("Content-Type", contentType)
        .WithHeader("x-request-id", requestId)
        .WithHeader("x-ratelimit-limit-requests", "600")
        .WithHeader("x-ratelimit-remaining-requests", "599")
        .WithHeader("x-ratelimit-reset-requests", "100ms")
        .WithHeader("x-ratelimit-limit-tokens", "150000")
        .WithHeader("x-ratelimit-remaining-tokens", "149980")
        .WithHeader("x-ratelimit-reset-tokens", "6m0s")
        .WithBody(body);

    [Fact]
    public async Task A_chat_completion_gives_its_status_request_id_rate_limits_and_headers()
    {
        Server.Given(Request.Create().WithPath("/chat/completions").UsingPost())
            .RespondWith(Reply("""{"id":"c1","model":"sonar-pro","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}]}""", "req-chat-1"));
        using var client = Client();

        var completion = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });
        var raw = completion.GetRawResponse()!;

        Assert.Equal((HttpStatusCode.OK, "req-chat-1"), (raw.Status, raw.RequestId));
        Assert.Equal(new ThreadsRateLimits { LimitRequests = 600, RemainingRequests = 599, ResetRequests = "100ms", LimitTokens = 150000, RemainingTokens = 149980, ResetTokens = "6m0s" }, raw.RateLimits);
        Assert.True(raw.TryGetHeader("X-RateLimit-Limit-Requests", out var limit));
        Assert.Equal("600", limit);
        Assert.False(raw.TryGetHeader("x-not-there", out _));
        Assert.Equal("req-chat-1", raw.Headers["x-request-id"]);
    }

    [Fact]
    public async Task Aitronos_responses_threads_pages_and_patched_threads_carry_their_replies()
    {
        Server.Given(Request.Create().WithPath("/v1/model/response").UsingPost())
            .RespondWith(Reply("""{"id":"resp_1","thread_id":"th_1","output":[{"content":[{"type":"output_text","text":"hi"}]}]}""", "req-response"));
        Server.Given(Request.Create().WithPath("/v1/threads/th_1").UsingGet()).RespondWith(Reply("""{"id":"th_1","state":"open"}""", "req-get"));
        Server.Given(Request.Create().WithPath("/v1/threads").UsingGet()).RespondWith(Reply("""{"object":"list","data":[{"id":"th_1"}],"has_more":false}""", "req-list"));
        Server.Given(Request.Create().WithPath("/v1/threads/th_1").UsingPatch()).RespondWith(Reply("", "req-patch", status: 204));
        using var client = Client();

        var response = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Thread = "th_1", Inputs = { AitronosInput.User("Q") } });
        var thread = await client.Aitronos.Threads.GetAsync("th_1");
        var page = await client.Aitronos.Threads.ListPageAsync();
        var locked = await client.Aitronos.Threads.LockAsync("th_1");

        Assert.Equal("req-response", response.GetRawResponse()!.RequestId);
        Assert.Equal("req-get", thread.GetRawResponse()!.RequestId);
        Assert.Equal(("req-list", 599L), (page.GetRawResponse()!.RequestId, page.GetRawResponse()!.RateLimits.RemainingRequests));
        Assert.Equal((HttpStatusCode.NoContent, "req-patch"), (locked.GetRawResponse()!.Status, locked.GetRawResponse()!.RequestId));
    }

    [Fact]
    public async Task Agent_api_responses_and_cancellations_carry_their_replies()
    {
        Server.Given(Request.Create().WithPath("/v1/responses").UsingPost())
            .RespondWith(Reply("""{"id":"resp_a","object":"response","status":"completed","output":[]}""", "req-agent"));
        Server.Given(Request.Create().WithPath("/v1/responses/resp_a/cancel").UsingPost())
            .RespondWith(Reply("""{"response_id":"resp_a","status":"cancelling"}""", "req-cancel"));
        using var client = Client();

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Q" });
        var cancelled = await client.Perplexity.Agent.CancelResponseAsync("resp_a");

        Assert.Equal("req-agent", response.GetRawResponse()!.RequestId);
        Assert.Equal("req-cancel", cancelled.GetRawResponse()!.RequestId);
    }

    [Fact]
    public async Task Streams_give_the_streams_reply_on_every_chunk_and_on_the_folded_result_enumerated_or_not()
    {
        Server.Given(Request.Create().WithPath("/chat/completions").UsingPost())
            .RespondWith(Reply(PerplexityStreams.FullMode(["Hel", "lo"]), "req-stream", "text/event-stream"));
        Server.Given(Request.Create().WithPath("/v1/responses").UsingPost())
            .RespondWith(Reply(AgentStreams.Sse(AgentStreams.Documented("Hi")), "req-agent-stream", "text/event-stream"));
        using var client = Client();
        var request = new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } };

        var chunks = new List<ChatCompletionChunk>();
        await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(request))
        {
            chunks.Add(chunk);
        }

        var builder = new ChatCompletionBuilder();
        chunks.ForEach(builder.Append);
        var folded = await client.Perplexity.StreamChatCompletionAsync(request).ToChatCompletionAsync();
        var agent = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync();

        Assert.All(chunks, c => Assert.Equal("req-stream", c.GetRawResponse()!.RequestId));
        Assert.Equal("req-stream", builder.Build().GetRawResponse()!.RequestId);
        Assert.Equal(("Hello", "req-stream"), (folded.Content, folded.GetRawResponse()!.RequestId));
        Assert.Equal("req-agent-stream", agent.GetRawResponse()!.RequestId);
    }

    [Fact]
    public void A_result_built_locally_has_no_reply_and_deserialized_copies_have_none_either()
    {
        var local = new ChatCompletion();
        var copy = System.Text.Json.JsonSerializer.Deserialize<AgentResponse>("""{"id":"resp_x","object":"response","output":[]}""")!;

        Assert.Null(local.GetRawResponse());
        Assert.Null(copy.GetRawResponse());
        Assert.Null(new ChatCompletionBuilder().Build().GetRawResponse());
    }

    [Fact]
    public async Task A_header_that_echoes_the_key_is_redacted()
    {
        Server.Given(Request.Create().WithPath("/chat/completions").UsingPost())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("x-debug-auth", "Bearer " + TestKeys.Perplexity)
                .WithBody("""{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}]}"""));
        using var client = Client();

        var raw = (await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } })).GetRawResponse()!;

        Assert.True(raw.TryGetHeader("x-debug-auth", out var echoed));
        Assert.DoesNotContain(TestKeys.Perplexity, echoed, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Perplexity, string.Concat(raw.Headers.Values), StringComparison.Ordinal);
    }
}
