using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

/// <summary>A reply with no text and no error is never recorded as a successful turn.</summary>
public sealed class EmptyReplyTests
{
    [Fact]
    public async Task An_empty_reply_is_a_response_exception_and_the_session_stays_as_it_was_for_the_retry()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, ""), PerplexityReply(ThreadA, "Breaking the Waves"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.SendAsync("Which film won?"));

        Assert.Equal(("empty_reply", "Perplexity"), (error.Error.Code, error.Error.Provider));
        Assert.Equal((0, (string?)null), (session.Record.TurnCount, session.ThreadId));
        var retried = await session.SendAsync("Which film won?");
        Assert.Equal(("Breaking the Waves", 1), (retried.Text, session.Record.TurnCount));
    }

    [Fact]
    public async Task An_empty_streamed_reply_fails_the_turn_at_its_end()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream("data: {\"id\":\"s1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.StreamAsync("Q").ToReplyAsync());

        Assert.Equal("empty_reply", error.Error.Code);
        Assert.Equal(0, session.Record.TurnCount);
    }

    [Fact]
    public async Task An_agent_reply_that_only_asks_for_a_function_call_is_a_recorded_turn()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("""{"id":"resp_1","status":"requires_action","output":[{"type":"function_call","call_id":"call_1","name":"weather","arguments":"{}"}]}"""));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession();

        var reply = await session.SendAsync("Weather in Paris?");

        Assert.Equal(("", "weather"), (reply.Text, Assert.Single(reply.Reply.FunctionCalls).Name));
        Assert.Equal(1, session.Record.TurnCount);
    }
}
