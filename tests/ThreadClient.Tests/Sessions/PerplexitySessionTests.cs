using Microsoft.Extensions.Logging;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class PerplexitySessionTests
{
    private static readonly Action<ChatCompletionRequest> SeedExtras = r =>
    {
        r.Stream = false;
        r.WebSearchOptions = new WebSearchOptions { SearchType = "pro" };
    };

    [Fact]
    public async Task First_turn_starts_a_thread_and_the_next_sends_thread_id_and_only_the_new_turn_as_the_seed_shows()
    {
        var handler = new RecordingHandler(PerplexityReply(PerplexitySeed.ThreadId, "Breaking the Waves"), PerplexityReply(PerplexitySeed.ThreadId, "Dancer in the Dark"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { ConfigureRequest = SeedExtras });

        var first = await session.SendAsync("Which movie won the Cannes film festival special jury prize in 1996?");
        var second = await session.SendAsync("What else has that director made?");

        var sent = handler.Requests.ToArray();
        Assert.Equal(Json.Minify(PerplexitySeed.StartThreadRequest), sent[0].Body);
        Assert.Equal(Json.Minify(PerplexitySeed.ContinueThreadRequest), sent[1].Body);
        Assert.Equal(("Breaking the Waves", PerplexitySeed.ThreadId, false), (first.Text, first.ConversationId, first.ThreadReplaced));
        Assert.Equal("Dancer in the Dark", second.Text);
        Assert.Equal(PerplexitySeed.ThreadId, session.ThreadId);
        Assert.Equal(2, session.Record.TurnCount);
    }

    [Fact]
    public async Task A_thread_turn_cut_off_at_max_tokens_is_recorded_and_says_so_and_a_whole_one_does_not()
    {
        var handler = new RecordingHandler(
            RecordingHandler.Json($$"""{"id":"c1","model":"sonar-pro","thread_id":"{{PerplexitySeed.ThreadId}}","choices":[{"index":0,"message":{"role":"assistant","content":"Breaking the"},"finish_reason":"length"}]}"""),
            RecordingHandler.Json($$"""{"id":"c2","model":"sonar-pro","thread_id":"{{PerplexitySeed.ThreadId}}","choices":[{"index":0,"message":{"role":"assistant","content":"Waves."},"finish_reason":"stop"}]}"""));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var cut = await session.SendAsync("Which film?");
        var whole = await session.SendAsync("Go on.");

        Assert.Equal((true, "length", "Breaking the"), (cut.IsCutOff, cut.CutOffReason, cut.Text));
        Assert.Equal((false, null), (whole.IsCutOff, whole.CutOffReason));
        Assert.Equal(2, session.Record.TurnCount);
    }

    [Fact]
    public async Task A_thread_replaced_handler_runs_after_the_turn_is_saved_may_send_on_the_session_and_cannot_fail_the_turn()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityThreadNotFound(), PerplexityReply(ThreadB, "a2"), PerplexityReply(ThreadB, "from the handler"));
        using var logs = new FakeLogs();
        using var client = RecordingHandler.CreateClient(handler, o => o.LoggerFactory = logs);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("q1");
        SessionReply<ChatCompletion>? sentFromHandler = null;
        session.ThreadReplaced += (_, _) => sentFromHandler = session.SendAsync("sent from the handler").GetAwaiter().GetResult();
        session.ThreadReplaced += (_, _) => throw new InvalidOperationException("a broken handler");

        // On a pool thread, so that a handler blocked inside the turn fails the test by the timeout instead of hanging it.
        var reply = await Task.Run(() => session.SendAsync("q2")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(reply.ThreadReplaced);
        Assert.Equal(("a2", ThreadB), (reply.Text, reply.ConversationId));
        Assert.Equal("from the handler", sentFromHandler!.Text);
        Assert.Equal(3, session.Record.TurnCount);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reply_carrying_a_different_thread_id_is_adopted()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "1"), PerplexityReply(ThreadB, "2"), PerplexityReply(ThreadB, "3"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        await session.SendAsync("one");
        var second = await session.SendAsync("two");
        await session.SendAsync("three");

        Assert.Equal(ThreadB, second.ConversationId);
        Assert.False(second.ThreadReplaced);
        Assert.Equal(ThreadB, Body(handler.Requests.Last()).GetProperty("thread_id").GetString());
    }

    [Theory]
    [InlineData(404, ThreadReplacementReason.ThreadNotFound)]
    [InlineData(400, ThreadReplacementReason.InvalidThreadId)]
    public async Task A_gone_thread_starts_a_new_one_and_re_sends_the_same_turn_byte_for_byte_visibly(int status, ThreadReplacementReason reason)
    {
        var handler = new RecordingHandler(status == 404 ? PerplexityThreadNotFound() : PerplexityInvalidThread(), PerplexityReply(ThreadB, "fresh answer"));
        var logs = new FakeLogs();
        using var client = RecordingHandler.CreateClient(handler, o => o.LoggerFactory = logs);
        var session = client.Perplexity.ResumeSession(ThreadA);
        var events = new List<ThreadReplacedEventArgs>();
        session.ThreadReplaced += (_, e) => events.Add(e);
        var turn = new[] { ChatMessage.User(new ChatContent([new ChatContentPart { Type = "text", Text = "Describe this" }])) };

        var reply = await session.SendAsync(turn);

        var sent = handler.Requests.ToArray();
        Assert.Equal(2, sent.Length);
        Assert.Equal(ThreadA, Body(sent[0]).GetProperty("thread_id").GetString());
        Assert.False(Body(sent[1]).TryGetProperty("thread_id", out _));
        Assert.True(Body(sent[1]).GetProperty("use_threads").GetBoolean());
        Assert.Equal(RequestArray(sent[0], "messages"), RequestArray(sent[1], "messages"));
        Assert.True(reply.ThreadReplaced);
        Assert.Equal((ThreadA, ThreadB, reason, 0), (reply.Replacement!.OldConversationId, reply.Replacement.NewConversationId, reply.Replacement.Reason, reply.Replacement.ReplayedMessages));
        Assert.IsAssignableFrom<ThreadGoneException>(reply.Replacement.Cause);
        Assert.Same(reply.Replacement, Assert.Single(events));
        Assert.Equal(ThreadB, session.ThreadId);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain(ThreadA, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ThreadB, warning.Message, StringComparison.Ordinal);
        Assert.All(logs.Entries.Where(e => e.Message.Contains(ThreadA, StringComparison.Ordinal)), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public async Task Throw_policy_surfaces_the_gone_thread_and_leaves_the_session_as_it_was()
    {
        var handler = new RecordingHandler(PerplexityThreadNotFound());
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.ResumeSession(ThreadA, new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.Throw });
        var before = session.Record;

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => session.SendAsync("Q"));

        Assert.Single(handler.Requests);
        Assert.Equal(before, session.Record);
    }

    [Fact]
    public async Task Replay_policy_sends_the_last_turns_of_the_transcript_before_the_same_turn()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityReply(ThreadA, "a2"), PerplexityReply(ThreadA, "a3"), PerplexityThreadNotFound(), PerplexityReply(ThreadB, "a4"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay, ReplayTurns = 2, ReplayLowWaterMark = 1 });

        await session.SendAsync("q1");
        await session.SendAsync("q2");
        await session.SendAsync("q3");
        var reply = await session.SendAsync("q4");

        Assert.Equal(
            """[{"role":"user","content":"q2"},{"role":"assistant","content":"a2"},{"role":"user","content":"q3"},{"role":"assistant","content":"a3"},{"role":"user","content":"q4"}]""",
            RequestArray(handler.Requests.Last(), "messages"));
        Assert.Equal(4, reply.Replacement!.ReplayedMessages);
        Assert.Equal(["q3", "a3", "q4", "a4"], session.Transcript.Select(m => m.Content!.Text));
    }

    [Fact]
    public async Task The_new_thread_failing_too_is_not_retried_in_a_loop_and_the_turn_can_be_sent_again()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityThreadNotFound(), ServerError(), PerplexityThreadNotFound(), PerplexityReply(ThreadC, "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay });
        await session.SendAsync("q1");
        var before = session.Record;
        var transcript = session.Transcript.Select(m => (m.Role, m.Content!.Text)).ToArray();

        await Assert.ThrowsAsync<ThreadsApiException>(() => session.SendAsync("q2"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(before, session.Record);
        Assert.Equal(transcript, session.Transcript.Select(m => (m.Role, m.Content!.Text)));

        var again = await session.SendAsync("q2");

        Assert.Equal((ThreadC, "a2"), (again.ConversationId, again.Text));
        Assert.Equal(5, handler.Requests.Count);
    }

    [Fact]
    public async Task Threading_unavailable_degrades_to_stateless_calls_carrying_the_transcript_when_allowed()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityThreadingUnavailable(), PerplexityReply(null, "a2"), PerplexityReply(null, "a3"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { DegradeToStatelessWhenThreadingUnavailable = true });

        await session.SendAsync("q1");
        var degraded = await session.SendAsync("q2");
        var next = await session.SendAsync("q3");

        var sent = handler.Requests.ToArray();
        Assert.Equal(
            """{"model":"sonar-pro","messages":[{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},{"role":"user","content":"q2"}]}""",
            sent[2].Body);
        Assert.Equal(
            """{"model":"sonar-pro","messages":[{"role":"user","content":"q1"},{"role":"assistant","content":"a1"},{"role":"user","content":"q2"},{"role":"assistant","content":"a2"},{"role":"user","content":"q3"}]}""",
            sent[3].Body);
        Assert.Equal((ThreadReplacementReason.ThreadingUnavailable, null, true), (degraded.Replacement!.Reason, degraded.ConversationId, degraded.IsStateless));
        Assert.True(next.IsStateless);
        Assert.True(session.IsStateless);
    }

    [Fact]
    public async Task Threading_unavailable_throws_by_default()
    {
        var handler = new RecordingHandler(PerplexityThreadingUnavailable());
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        await Assert.ThrowsAsync<ThreadingUnavailableException>(() => session.SendAsync("q1"));

        Assert.Null(session.ThreadId);
        Assert.Equal(0, session.Record.TurnCount);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_sent()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        Assert.Equal("text", Assert.Throws<ArgumentException>(() => { _ = session.SendAsync(" "); }).ParamName);
        Assert.Equal("messages", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendAsync(Array.Empty<ChatMessage>()))).ParamName);
        Assert.Equal("messages", (await Assert.ThrowsAsync<ArgumentException>(() => session.SendAsync(new ChatMessage[] { null! }))).ParamName);
        Assert.Equal("threadId", Assert.Throws<ArgumentException>(() => client.Perplexity.ResumeSession("not-a-uuid")).ParamName);
        Assert.Equal("options.ReplayTurns", Assert.Throws<ArgumentOutOfRangeException>(() => client.Perplexity.StartSession(new PerplexitySessionOptions { ReplayTurns = -1 })).ParamName);
        Assert.Equal("options.Limits.MaxMessages", Assert.Throws<ArgumentOutOfRangeException>(() => client.Perplexity.StartSession(new PerplexitySessionOptions { Limits = new SessionLimits { MaxMessages = 0 } })).ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Options_changed_after_start_do_not_change_the_running_session()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a"));
        using var client = RecordingHandler.CreateClient(handler);
        var options = new PerplexitySessionOptions { Model = "sonar-pro" };
        var session = client.Perplexity.StartSession(options);
        options.Model = "sonar";

        await session.SendAsync("q");

        Assert.Equal("sonar-pro", Body(handler.OnlyRequest).GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_kept_record_resumes_its_thread_and_a_record_of_another_kind_is_refused_naming_it()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "1"), PerplexityReply(ThreadA, "2"));
        using var client = RecordingHandler.CreateClient(handler);
        var first = client.Perplexity.StartSession();
        await first.SendAsync("one");

        var resumed = client.Perplexity.ResumeSession(first.Record);
        await resumed.SendAsync("two");
        var wrong = Assert.Throws<ArgumentException>(() => client.Perplexity.ResumeSession(first.Record with { Provider = "Aitronos" }));

        Assert.Equal(ThreadA, Body(handler.Requests.Last()).GetProperty("thread_id").GetString());
        Assert.Equal(2, resumed.Record.TurnCount);
        Assert.Equal("record", wrong.ParamName);
        Assert.Equal(2, handler.Requests.Count);
    }
}
