using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>Sessions on the Agent API: replay, previous_response_id with a visible fallback, the replay budget.</summary>
public sealed class AgentSessionTests
{
    private static HttpResponseMessage Reply(string id, string text) =>
        RecordingHandler.Json($$"""{"id":"{{id}}","object":"response","status":"completed","output":[{"type":"message","content":[{"type":"output_text","text":"{{text}}"}]}]}""");

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    private static string[] Texts(RecordedRequest request) =>
        [.. Body(request).GetProperty("input").EnumerateArray().Select(i => i.GetProperty("role").GetString() + ":" + i.GetProperty("content").GetString())];

    [Fact]
    public async Task Replay_mode_sends_the_transcript_then_the_turn_and_the_id_is_the_last_response()
    {
        var handler = new RecordingHandler(Reply("resp_1", "a1"), Reply("resp_2", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { Instructions = "Be brief." });

        var first = await session.SendAsync("q1");
        var second = await session.SendAsync("q2");

        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q1"}],"instructions":"Be brief.","preset":"low","prompt_cache_key":"tc_*"}""", handler.Requests.First().MaskedBody);
        Assert.Equal(["user:q1", "assistant:a1", "user:q2"], Texts(handler.Requests.Last()));
        Assert.False(Body(handler.Requests.Last()).TryGetProperty("previous_response_id", out _));
        Assert.Equal(("a2", "resp_2", 1, 0), (second.Text, session.LastResponseId, second.ReplayedTurns, second.DroppedTurns));
        Assert.False(first.ThreadReplaced || second.ThreadReplaced);
        Assert.True(second.IsStateless);
        Assert.Equal([("user", "q1"), ("assistant", "a1"), ("user", "q2"), ("assistant", "a2")], session.Transcript.Select(m => (m.Role, m.AllText)));
    }

    [Fact]
    public async Task The_replay_budget_drops_the_oldest_turns_first_and_the_reply_says_how_many()
    {
        var handler = new RecordingHandler((_, i) => Reply($"resp_{i}", $"a{i + 1}"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 2, ReplayLowWaterMark = 1 });

        for (var i = 1; i <= 4; i++)
        {
            await session.SendAsync($"q{i}");
        }

        var fifth = await session.SendAsync("q5");

        Assert.Equal(["user:q3", "assistant:a3", "user:q4", "assistant:a4", "user:q5"], Texts(handler.Requests.Last()));
        Assert.Equal((2, 2), (fifth.ReplayedTurns, fifth.DroppedTurns));
        Assert.Equal(3, session.Record.DroppedTurnCount);
        Assert.Equal(["q4", "a4", "q5", "a5"], session.Transcript.Select(m => m.AllText));
    }

    [Fact]
    public async Task The_character_budget_counts_the_new_turn_and_never_drops_it()
    {
        var handler = new RecordingHandler((_, i) => Reply($"resp_{i}", new string('a', 10)));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayCharacters = 45, ReplayLowWaterMark = 1 });
        await session.SendAsync(new string('x', 10));
        await session.SendAsync(new string('y', 10));

        var third = await session.SendAsync(new string('z', 10));
        var huge = await session.SendAsync(new string('w', 100));

        Assert.Equal(["user:yyyyyyyyyy", "assistant:aaaaaaaaaa", "user:zzzzzzzzzz"], Texts(handler.Requests.ElementAt(2)));
        Assert.Equal((1, 1), (third.ReplayedTurns, third.DroppedTurns));
        Assert.Equal(["user:" + new string('w', 100)], Texts(handler.Requests.Last()));
        Assert.Equal((0, 3), (huge.ReplayedTurns, huge.DroppedTurns));
    }

    [Fact]
    public async Task Previous_response_mode_sends_only_the_turn_with_the_id_and_store()
    {
        var handler = new RecordingHandler(Reply("resp_1", "a1"), Reply("resp_2", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse, Model = "perplexity/sonar" });

        await session.SendAsync("q1");
        var second = await session.SendAsync("q2");

        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q1"}],"model":"perplexity/sonar","store":true,"prompt_cache_key":"tc_*"}""", handler.Requests.First().MaskedBody);
        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q2"}],"model":"perplexity/sonar","previous_response_id":"resp_1","store":true,"prompt_cache_key":"tc_*"}""", handler.Requests.Last().MaskedBody);
        Assert.Equal(("resp_2", false, 0), (second.ConversationId, second.IsStateless, second.ReplayedTurns));
    }

    [Fact]
    public async Task A_rejected_previous_response_id_resends_the_turn_with_the_transcript_visibly()
    {
        var handler = new RecordingHandler(
            Reply("resp_1", "a1"),
            RecordingHandler.Json("""{"error":{"message":"Response resp_1 not found","type":"not_found_error"}}""", HttpStatusCode.NotFound),
            Reply("resp_3", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse });
        await session.SendAsync("q1");

        var second = await session.SendAsync("q2");

        Assert.Equal(["user:q1", "assistant:a1", "user:q2"], Texts(handler.Requests.Last()));
        Assert.False(Body(handler.Requests.Last()).TryGetProperty("previous_response_id", out _));
        Assert.Equal((ThreadReplacementReason.PreviousResponseUnavailable, "resp_1", "resp_3", 2), (second.Replacement!.Reason, second.Replacement.OldConversationId, second.Replacement.NewConversationId, second.Replacement.ReplayedMessages));
        Assert.IsType<PreviousResponseUnavailableException>(second.Replacement.Cause);
    }

    [Fact]
    public async Task A_failed_turn_leaves_the_session_and_its_transcript_as_they_were()
    {
        var handler = new RecordingHandler(Reply("resp_1", "a1"), RecordingHandler.Json("""{"error":{"message":"overloaded"}}""", HttpStatusCode.BadRequest), Reply("resp_2", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession();
        await session.SendAsync("q1");
        var before = session.Record;

        await Assert.ThrowsAsync<ThreadsApiException>(() => session.SendAsync("q2"));

        Assert.Same(before, session.Record);
        var again = await session.SendAsync("q2");
        Assert.Equal("a2", again.Text);
        Assert.Equal(Texts(handler.Requests.ElementAt(1)), Texts(handler.Requests.Last()));
    }

    [Fact]
    public async Task A_streamed_turn_folds_into_the_reply_and_joins_the_transcript()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(AgentStreams.Sse(AgentStreams.Documented("Hi ", "there"))), Reply("resp_2", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.Agent.StartSession();

        var stream = session.StreamAsync("q1");
        var kinds = new List<AgentStreamEventKind>();
        await foreach (var item in stream)
        {
            kinds.Add(item.Kind);
        }

        await session.SendAsync("q2");

        Assert.Equal(AgentStreamEventKind.Completed, kinds[^1]);
        Assert.Equal(("Hi there", "resp_s"), (stream.Reply.Text, stream.Reply.ConversationId));
        Assert.Equal(["user:q1", "assistant:Hi there", "user:q2"], Texts(handler.Requests.Last()));
    }

    [Fact]
    public async Task Two_clients_sharing_a_distributed_store_continue_one_conversation()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var handlerA = new RecordingHandler(Reply("resp_1", "a1"));
        var handlerB = new RecordingHandler(Reply("resp_2", "a2"));
        using var clientA = RecordingHandler.CreateClient(handlerA, o => o.SessionStore = new DistributedThreadSessionStore(cache));
        using var clientB = RecordingHandler.CreateClient(handlerB, o => o.SessionStore = new DistributedThreadSessionStore(cache));

        await (await clientA.Sessions.GetOrStartPerplexityAgentAsync("ticket-9")).SendAsync("q1");
        var second = await (await clientB.Sessions.GetOrStartPerplexityAgentAsync("ticket-9")).SendAsync("q2");

        Assert.Equal(["user:q1", "assistant:a1", "user:q2"], Texts(handlerB.OnlyRequest));
        Assert.Equal("resp_2", second.ConversationId);
        var json = System.Text.Encoding.UTF8.GetString((await cache.GetAsync("threadclient:session:ticket-9"))!);
        Assert.Contains("\"kind\":\"Agent\"", json, StringComparison.Ordinal);
        Assert.Contains("""{"role":"assistant","text":"a2"}""", json, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Perplexity, json, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => clientB.Sessions.GetOrStartPerplexityAsync("ticket-9"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Settings_that_would_lose_the_conversation_are_refused(int turns)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(Reply("r", "a")));

        var error = Assert.ThrowsAny<ArgumentException>(() => client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = turns }));

        Assert.Equal("options.ReplayTurns", error.ParamName);
        Assert.Equal("options.ReplayCharacters", Assert.ThrowsAny<ArgumentException>(() => client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayCharacters = 0 })).ParamName);
    }
}
