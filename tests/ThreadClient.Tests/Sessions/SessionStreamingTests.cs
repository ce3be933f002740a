using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class SessionStreamingTests
{
    [Fact]
    public async Task A_streamed_turn_yields_chunks_then_holds_the_folded_reply_and_the_thread()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(["Hel", "lo"], threadId: ThreadA)), PerplexityReply(ThreadA, "again"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        var turn = session.StreamAsync("Hi");
        var pieces = new List<string?>();

        await foreach (var chunk in turn)
        {
            pieces.Add(chunk.Choices[0].Delta?.Content?.Text);
        }

        Assert.Equal(["Hel", "lo"], pieces);
        Assert.Equal(("Hello", ThreadA), (turn.Reply.Text, turn.Reply.ConversationId));
        Assert.True(Body(handler.Requests.First()).GetProperty("stream").GetBoolean());
        await session.SendAsync("next");
        Assert.Equal(ThreadA, Body(handler.Requests.Last()).GetProperty("thread_id").GetString());
    }

    [Fact]
    public async Task A_gone_thread_before_the_first_chunk_falls_back_like_a_plain_turn()
    {
        var handler = new RecordingHandler(PerplexityThreadNotFound(), RecordingHandler.EventStream(PerplexityStreams.FullMode(["Ne", "w"], threadId: ThreadB)));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.ResumeSession(ThreadA);

        var reply = await session.StreamAsync("Hi").ToReplyAsync();

        Assert.Equal((ThreadReplacementReason.ThreadNotFound, ThreadB, "New"), (reply.Replacement!.Reason, reply.ConversationId, reply.Text));
        Assert.Equal(RequestArray(handler.Requests.First(), "messages"), RequestArray(handler.Requests.Last(), "messages"));
    }

    [Fact]
    public async Task Stopping_early_or_a_broken_stream_leaves_the_session_as_it_was()
    {
        var handler = new RecordingHandler(
            RecordingHandler.EventStream(PerplexityStreams.FullMode(["a", "b", "c"], threadId: ThreadA)),
            RecordingHandler.EventStream(PerplexityStreams.FullMode(["x"], done: false, threadId: ThreadA) + "event: error\ndata: {\"error\":{\"message\":\"overloaded\"}}\n\n"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.ResumeSession(ThreadC);
        var before = session.Record;

        var turn = session.StreamAsync("Hi");
        await foreach (var _ in turn)
        {
            break;
        }

        Assert.Equal(before, session.Record);
        Assert.Throws<InvalidOperationException>(() => turn.Reply);
        await Assert.ThrowsAsync<ThreadsStreamException>(() => session.StreamAsync("Hi").ToReplyAsync());
        Assert.Equal(before, session.Record);
    }

    [Fact]
    public async Task A_streamed_turn_is_sent_once()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(["a"])));
        using var client = RecordingHandler.CreateClient(handler);
        var turn = client.Perplexity.StartSession().StreamAsync("Hi");

        await turn.ToReplyAsync();

        Assert.Throws<InvalidOperationException>(() => turn.GetAsyncEnumerator());
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ToReplyAsync_takes_a_cancellation_token_and_a_cancelled_turn_sends_nothing()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(Perplexity.PerplexityStreams.FullMode(["Hi"])));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.StreamAsync("Q").ToReplyAsync(cancelled.Token));

        Assert.Empty(handler.Requests);
        Assert.Equal(0, session.Record.TurnCount);
    }
}
