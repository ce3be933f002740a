using System.Net;
using System.Text;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Emulator;

/// <summary>The SDK end to end against the emulator over real loopback HTTP: Perplexity threads.</summary>
public sealed class EmulatorPerplexityTests
{
    internal static ThreadsClient Client(ThreadsEmulator emulator, TimeProvider? clock = null, Action<ThreadsClientOptions>? configure = null)
    {
        var options = new ThreadsClientOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = emulator.BaseAddress },
            Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = emulator.BaseAddress },
            Resilience = { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) },
        };
        configure?.Invoke(options);
        return new ThreadsClient(options);
    }

    [Fact]
    public async Task A_session_keeps_its_context_across_turns_and_recovers_from_an_expired_thread_with_replay()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay, ReplayTurns = 1 });

        var first = await session.SendAsync("Which film won in 1996?");
        var second = await session.SendAsync("Who directed it?");
        Assert.Equal(["Which film won in 1996?"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.True(emulator.ExpirePerplexityThread(session.ThreadId!));
        var third = await session.SendAsync("What else did he make?");

        Assert.True(third.ThreadReplaced);
        Assert.NotEqual(first.ConversationId, third.ConversationId);
        Assert.Equal(["Who directed it?"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Equal("What else did he make?", EmulatorReplies.Echoed(third.Text));
        Assert.All(emulator.Requests, r => Assert.DoesNotContain(TestKeys.Perplexity, r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thread_idle_past_the_emulators_inactivity_answers_404_and_the_session_moves_on()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, PerplexityThreadInactivity = TimeSpan.FromMinutes(30) });
        using var client = Client(emulator, clock);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("one");
        var old = session.ThreadId;

        clock.Advance(TimeSpan.FromMinutes(31));
        var reply = await session.SendAsync("two");

        Assert.Equal((ThreadReplacementReason.ThreadNotFound, old), (reply.Replacement!.Reason, reply.Replacement.OldConversationId));
        Assert.Empty(EmulatorReplies.EarlierTurns(reply.Text));
        var bodies = emulator.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(3, bodies.Length);
        Assert.Contains(old!, bodies[1], StringComparison.Ordinal);
        Assert.DoesNotContain("thread_id", bodies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_refuses_a_non_uuid_thread_id_and_threads_on_another_model_like_the_service()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer k");

        var invalid = await http.PostAsync("chat/completions", new StringContent("""{"model":"sonar-pro","use_threads":true,"thread_id":"nope","messages":[{"role":"user","content":"q"}]}""", Encoding.UTF8, "application/json"));
        var wrongModel = await http.PostAsync("chat/completions", new StringContent("""{"model":"sonar","use_threads":true,"messages":[{"role":"user","content":"q"}]}""", Encoding.UTF8, "application/json"));
        http.DefaultRequestHeaders.Remove("Authorization");
        var noKey = await http.PostAsync("chat/completions", new StringContent("""{"model":"sonar","messages":[{"role":"user","content":"q"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("thread_id", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongModel.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task A_streamed_turn_in_full_mode_folds_to_the_same_text_as_a_plain_one()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { StreamPieceLength = 3 });
        using var client = Client(emulator);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("first");

        var turn = session.StreamAsync("second turn");
        var chunks = 0;
        await foreach (var chunk in turn)
        {
            chunks++;
        }

        Assert.Equal(EmulatorReplies.Reply("second turn", ["first"]), turn.Reply.Text);
        Assert.True(chunks > 10);
        Assert.Equal(session.ThreadId, turn.Reply.ConversationId);
        Assert.NotNull(turn.Reply.Reply.Usage);
        Assert.NotNull(turn.Reply.Reply.SearchResults);
    }

    [Fact]
    public async Task Threading_switched_off_throws_or_degrades_to_stateless_calls_carrying_the_transcript()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var strict = client.Perplexity.StartSession();
        var lenient = client.Perplexity.StartSession(new PerplexitySessionOptions { DegradeToStatelessWhenThreadingUnavailable = true });
        await lenient.SendAsync("remember the number 7");

        emulator.PerplexityThreadingEnabled = false;

        await Assert.ThrowsAsync<ThreadingUnavailableException>(() => strict.SendAsync("hi"));
        var reply = await lenient.SendAsync("which number?");
        Assert.True(reply.IsStateless);
        Assert.Equal(["remember the number 7"], EmulatorReplies.EarlierTurns(reply.Text));
    }

    [Fact]
    public async Task A_stream_cut_after_some_events_reports_the_partial_text_and_is_not_re_sent()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { StreamPieceLength = 4 });
        using var client = Client(emulator);
        emulator.Faults.Enqueue("POST", "/chat/completions", EmulatorFault.CutStream(3));

        var ex = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("hello there") } }).ToChatCompletionAsync());

        Assert.Equal("Echo: hello ", ex.PartialText);
        Assert.Single(emulator.Requests);
    }
}
