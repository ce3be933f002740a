using ThreadClient.Aitronos;
using ThreadClient.Sessions;
using ThreadClient.Tests.Aitronos;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class AitronosSessionTests
{
    private static int _ids;

    private static AitronosSessionOptions Named(params string[] ids)
    {
        var queue = new Queue<string>(ids);
        return new AitronosSessionOptions { ThreadIdFactory = () => queue.Dequeue() };
    }

    [Fact]
    public async Task First_turn_sends_the_thread_with_its_metadata_then_the_plain_id_as_the_seed_shows()
    {
        var handler = new RecordingHandler((_, _) => AitronosReply("resp_" + Interlocked.Increment(ref _ids), "thread_user123_session1", "ok"));
        using var client = RecordingHandler.CreateClient(handler);
        var options = Named("thread_user123_session1");
        options.Metadata = new ThreadMetadata { ["userId"] = "user_123", ["sessionId"] = "sess_456", ["topic"] = "python_help" };
        var session = client.Aitronos.StartSession(options);

        await session.SendAsync("Hello, I need help with Python");
        await session.SendAsync("Hello, I need help with Python");

        var sent = handler.Requests.ToArray();
        Assert.Equal(Json.Minify(AitronosSeed.ThreadWithMetadata), sent[0].Body);
        Assert.Equal(Json.Minify(AitronosSeed.PlainThreadId), sent[1].Body);
        Assert.Equal("thread_user123_session1", session.ThreadId);
    }

    [Fact]
    public async Task Metadata_edited_after_the_session_started_does_not_change_what_it_sends()
    {
        var handler = new RecordingHandler((_, _) => AitronosReply("resp_" + Interlocked.Increment(ref _ids), "thread_user123_session1", "ok"));
        using var client = RecordingHandler.CreateClient(handler);
        var options = Named("thread_user123_session1");
        options.Metadata = new ThreadMetadata { ["userId"] = "user_123", ["sessionId"] = "sess_456", ["topic"] = "python_help" };
        var session = client.Aitronos.StartSession(options);

        options.Metadata["topic"] = "changed";
        options.Metadata["extra"] = "added";
        await session.SendAsync("Hello, I need help with Python");

        Assert.Equal(Json.Minify(AitronosSeed.ThreadWithMetadata), handler.OnlyRequest.Body);
    }

    [Fact]
    public async Task A_resumed_thread_sends_its_id_and_store_when_set()
    {
        var handler = new RecordingHandler(AitronosReply("resp_1", null, "ok"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Aitronos.ResumeSession("support_u1_t9", new AitronosSessionOptions { Store = false });

        var reply = await session.SendAsync("Hidden background job");

        Assert.Equal("""{"model":"gpt-4.1","thread":"support_u1_t9","store":false,"inputs":[{"role":"user","texts":[{"text":"Hidden background job"}]}]}""", handler.OnlyRequest.Body);
        Assert.Equal("support_u1_t9", reply.ConversationId);
    }

    [Fact]
    public async Task A_deleted_thread_moves_to_a_new_named_thread_with_the_same_inputs()
    {
        var handler = new RecordingHandler(AitronosNotFound(), AitronosReply("resp_2", "thread_new", "hello again"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Aitronos.ResumeSession("thread_old", Named("thread_new"));

        var reply = await session.SendAsync([AitronosInput.System("Be brief"), AitronosInput.User("Hi")]);

        var sent = handler.Requests.ToArray();
        Assert.Equal("thread_old", Body(sent[0]).GetProperty("thread").GetString());
        Assert.Equal("thread_new", Body(sent[1]).GetProperty("thread").GetString());
        Assert.Equal(RequestArray(sent[0], "inputs"), RequestArray(sent[1], "inputs"));
        Assert.Equal((ThreadReplacementReason.ThreadNotFound, "thread_old", "thread_new"), (reply.Replacement!.Reason, reply.Replacement.OldConversationId, reply.Replacement.NewConversationId));
    }

    [Fact]
    public async Task A_deleted_new_thread_is_not_followed_into_a_loop()
    {
        var handler = new RecordingHandler((_, _) => AitronosNotFound());
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Aitronos.ResumeSession("thread_old", Named("thread_new", "thread_newer"));

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => session.SendAsync("Hi"));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("thread_old", session.ThreadId);
    }

    [Fact]
    public async Task A_locked_thread_throws_not_writable_unless_rollover_is_allowed()
    {
        var refusing = new RecordingHandler(AitronosLocked());
        using (var client = RecordingHandler.CreateClient(refusing))
        {
            var session = client.Aitronos.ResumeSession("thread_locked");

            await Assert.ThrowsAsync<ThreadNotWritableException>(() => session.SendAsync("Hi"));
            Assert.Single(refusing.Requests);
            Assert.Equal("thread_locked", session.ThreadId);
        }

        var rolling = new RecordingHandler(AitronosLocked(), AitronosReply("resp_1", "thread_next", "ok"));
        using (var client = RecordingHandler.CreateClient(rolling))
        {
            var options = Named("thread_next");
            options.RolloverWhenNotWritable = true;
            var session = client.Aitronos.ResumeSession("thread_locked", options);

            var reply = await session.SendAsync("Hi");

            Assert.Equal((ThreadReplacementReason.ThreadNotWritable, "thread_next"), (reply.Replacement!.Reason, session.ThreadId));
        }
    }

    [Fact]
    public async Task The_session_rolls_over_before_the_message_limit_with_replay_when_asked()
    {
        var handler = new RecordingHandler((request, i) => AitronosReply("resp_" + i, null, "a" + i));
        using var client = RecordingHandler.CreateClient(handler);
        var options = Named("thread_1", "thread_2");
        options.Limits = SessionLimits.Aitronos with { MaxMessages = 4 };
        options.Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay;
        options.ReplayTurns = 1;
        var session = client.Aitronos.StartSession(options);
        var events = new List<ThreadReplacedEventArgs>();
        session.ThreadReplaced += (_, e) => events.Add(e);

        await session.SendAsync("q1");
        await session.SendAsync("q2");
        var third = await session.SendAsync("q3");

        var sent = handler.Requests.ToArray();
        Assert.Equal(["thread_1", "thread_1", "thread_2"], sent.Select(r => Body(r).GetProperty("thread").GetString()));
        Assert.Equal(
            """[{"role":"user","texts":[{"text":"q2"}]},{"role":"assistant","texts":[{"text":"a1"}]},{"role":"user","texts":[{"text":"q3"}]}]""",
            RequestArray(sent[2], "inputs"));
        var move = Assert.Single(events);
        Assert.Equal((ThreadReplacementReason.LimitReached, "thread_1", "thread_2", 2), (move.Reason, move.OldConversationId, move.NewConversationId, move.ReplayedMessages));
        Assert.Null(move.Cause);
        Assert.Same(move, third.Replacement);
        Assert.Equal(4, session.Record.MessageCount);
    }

    [Theory]
    [InlineData(88, false)]
    [InlineData(89, true)]
    public async Task The_session_rolls_over_before_the_90_day_inactivity_limit(int idleDays, bool rolls)
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler((_, i) => AitronosReply("resp_" + i, null, "ok"));
        using var client = RecordingHandler.CreateClient(handler, o => o.TimeProvider = clock);
        var session = client.Aitronos.StartSession(Named("thread_1", "thread_2"));

        await session.SendAsync("q1");
        clock.Advance(TimeSpan.FromDays(idleDays));
        var reply = await session.SendAsync("q2");

        Assert.Equal(rolls, reply.ThreadReplaced);
        Assert.Equal(rolls ? "thread_2" : "thread_1", Body(handler.Requests.Last()).GetProperty("thread").GetString());
    }

    [Fact]
    public async Task The_session_rolls_over_before_the_one_year_thread_age()
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler((_, i) => AitronosReply("resp_" + i, null, "ok"));
        using var client = RecordingHandler.CreateClient(handler, o => o.TimeProvider = clock);
        var session = client.Aitronos.StartSession(Named("thread_1", "thread_2"));

        await session.SendAsync("q0");
        for (var day = 60; day <= 360; day += 60)
        {
            clock.Advance(TimeSpan.FromDays(60));
            Assert.False((await session.SendAsync("q")).ThreadReplaced);
        }

        clock.Advance(TimeSpan.FromDays(4));
        var reply = await session.SendAsync("q-last");

        Assert.Equal(ThreadReplacementReason.LimitReached, reply.Replacement!.Reason);
        Assert.Equal("thread_2", reply.ConversationId);
    }
}
