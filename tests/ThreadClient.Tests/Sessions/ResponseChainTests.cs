using ThreadClient.Aitronos;
using ThreadClient.Sessions;
using ThreadClient.Tests.Aitronos;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class ResponseChainTests
{
    [Fact]
    public async Task Each_turn_sends_the_previous_response_id_and_never_a_thread_as_the_seed_shows()
    {
        var handler = new RecordingHandler(AitronosReply("resp_1", null, "Hi!"), AitronosReply("resp_2", null, "More."));
        using var client = RecordingHandler.CreateClient(handler);
        var chain = client.Aitronos.StartChain();

        await chain.SendAsync("Hello");
        var second = await chain.SendAsync("Tell me more");

        var sent = handler.Requests.ToArray();
        Assert.Equal(Json.Minify(AitronosSeed.AsJson(AitronosSeed.ChainFirst)), sent[0].Body);
        Assert.Equal(Json.Minify(AitronosSeed.AsJson(AitronosSeed.ChainSecond)), sent[1].Body);
        Assert.Equal("resp_2", second.ConversationId);
        Assert.Equal("resp_2", chain.LastResponseId);
    }

    [Fact]
    public async Task An_ephemeral_chain_sends_store_false()
    {
        var handler = new RecordingHandler(AitronosReply("resp_1", null, "Hi!"));
        using var client = RecordingHandler.CreateClient(handler);
        var chain = client.Aitronos.StartChain(new ResponseChainOptions { Store = false });

        await chain.SendAsync("Hello");

        Assert.Equal("""{"model":"gpt-4.1","store":false,"inputs":[{"role":"user","texts":[{"text":"Hello"}]}]}""", handler.OnlyRequest.Body);
    }

    [Theory]
    [InlineData(23 * 60 + 54, false)]
    [InlineData(23 * 60 + 55, true)]
    public async Task A_previous_response_near_24_hours_old_restarts_the_chain_before_sending(int minutes, bool restarts)
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler(AitronosReply("resp_1", null, "a"), AitronosReply("resp_2", null, "b"));
        using var client = RecordingHandler.CreateClient(handler, o => o.TimeProvider = clock);
        var chain = client.Aitronos.StartChain();

        await chain.SendAsync("q1");
        clock.Advance(TimeSpan.FromMinutes(minutes));
        var reply = await chain.SendAsync("q2");

        var second = Body(handler.Requests.Last());
        Assert.Equal(!restarts, second.TryGetProperty("previousResponseId", out _));
        Assert.Equal(restarts, reply.ThreadReplaced);
        if (restarts)
        {
            Assert.Equal((ThreadReplacementReason.LimitReached, "resp_1", "resp_2"), (reply.Replacement!.Reason, reply.Replacement.OldConversationId, reply.Replacement.NewConversationId));
        }
    }

    [Fact]
    public async Task A_resumed_chain_knows_its_age_from_the_response_time()
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler(AitronosReply("resp_2", null, "b"));
        using var client = RecordingHandler.CreateClient(handler, o => o.TimeProvider = clock);
        var chain = client.Aitronos.ResumeChain("resp_1", clock.GetUtcNow() - TimeSpan.FromHours(25));

        var reply = await chain.SendAsync("q2");

        Assert.False(Body(handler.OnlyRequest).TryGetProperty("previousResponseId", out _));
        Assert.True(reply.ThreadReplaced);
    }

    [Fact]
    public async Task A_rejected_previous_response_restarts_the_chain_with_the_same_turn_and_replay_when_asked()
    {
        var handler = new RecordingHandler(AitronosReply("resp_1", null, "a1"), AitronosPreviousExpired(), AitronosReply("resp_9", null, "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var chain = client.Aitronos.StartChain(new ResponseChainOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay });

        await chain.SendAsync("q1");
        var reply = await chain.SendAsync("q2");

        var retried = handler.Requests.Last();
        Assert.Equal(
            """{"model":"gpt-4.1","inputs":[{"role":"user","texts":[{"text":"q1"}]},{"role":"assistant","texts":[{"text":"a1"}]},{"role":"user","texts":[{"text":"q2"}]}]}""",
            retried.Body);
        Assert.Equal((ThreadReplacementReason.PreviousResponseUnavailable, "resp_9"), (reply.Replacement!.Reason, chain.LastResponseId));
        Assert.IsType<PreviousResponseUnavailableException>(reply.Replacement.Cause);
    }
}
