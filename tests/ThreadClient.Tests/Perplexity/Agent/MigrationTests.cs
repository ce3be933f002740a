using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>A conversation started the seed's way keeps going when chat completions are retired.</summary>
public sealed class MigrationTests
{
    private static HttpResponseMessage Retired() => RecordingHandler.Json(RetirementTests.RetiredBody, HttpStatusCode.Forbidden);

    private static HttpResponseMessage AgentReply(string id, string text) =>
        RecordingHandler.Json(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = 1767225600,
            ["model"] = "perplexity/sonar",
            ["status"] = "completed",
            ["output"] = new object[]
            {
                new { type = "search_results", queries = new[] { "q" }, results = new[] { new { id = 1, title = "T", url = "https://s.example/1", snippet = "S" } } },
                new { type = "message", id = "msg", role = "assistant", status = "completed", content = new[] { new { type = "output_text", text, annotations = new[] { new { type = "url_citation", url = "https://s.example/1" } } } } },
            },
            ["usage"] = new { input_tokens = 10, output_tokens = 4, total_tokens = 14, cost = new { input_cost = 0.1, output_cost = 0.2, total_cost = 0.3, currency = "USD" } },
        }));

    private static string Input(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("input").GetRawText();

    [Fact]
    public async Task Retirement_on_the_first_turn_resends_it_on_the_agent_api_and_says_so()
    {
        var handler = new RecordingHandler(Retired(), AgentReply("resp_1", "a1"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        ThreadReplacedEventArgs? seen = null;
        session.ThreadReplaced += (_, e) => seen = e;

        var reply = await session.SendAsync("q1");

        Assert.Equal(["/chat/completions", "/v1/responses"], handler.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q1"}],"preset":"low","prompt_cache_key":"tc_*"}""", handler.Requests.Last().MaskedBody);
        Assert.Equal(("a1", true, true), (reply.Text, reply.IsStateless, reply.ThreadReplaced));
        Assert.Equal(ThreadReplacementReason.EndpointRetired, reply.Replacement!.Reason);
        Assert.IsType<EndpointRetiredException>(reply.Replacement.Cause);
        Assert.Same(reply.Replacement, seen);
        Assert.True(client.Perplexity.ChatCompletionsRetired);
        Assert.Null(session.ThreadId);
        var completion = reply.Reply;
        Assert.Equal(("resp_1", "a1", 10, 4, 14, 0.3), (completion.Id, completion.Content, completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens, completion.Usage.Cost!.TotalCost!.Value));
        Assert.Equal(["https://s.example/1"], completion.Citations!);
        Assert.Equal("S", Assert.Single(completion.SearchResults!).Snippet);
        Assert.Equal("resp_1", completion.AgentResponse!.Id);
    }

    [Fact]
    public async Task Retirement_on_a_later_turn_carries_the_transcript_so_far_and_later_turns_go_straight_to_the_agent_api()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityReply(ThreadA, "a2"), Retired(), AgentReply("resp_3", "a3"), AgentReply("resp_4", "a4"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("q1");
        await session.SendAsync("q2");

        var third = await session.SendAsync("q3");
        var fourth = await session.SendAsync("q4");

        var paths = handler.Requests.Select(r => r.Uri.AbsolutePath).ToArray();
        Assert.Equal(["/chat/completions", "/chat/completions", "/chat/completions", "/v1/responses", "/v1/responses"], paths);
        Assert.Equal(
            """[{"type":"message","role":"user","content":"q1"},{"type":"message","role":"assistant","content":"a1"},{"type":"message","role":"user","content":"q2"},{"type":"message","role":"assistant","content":"a2"},{"type":"message","role":"user","content":"q3"}]""",
            Input(handler.Requests.ElementAt(3)));
        Assert.Equal((ThreadReplacementReason.EndpointRetired, ThreadA, 4), (third.Replacement!.Reason, third.Replacement.OldConversationId, third.Replacement.ReplayedMessages));
        Assert.Equal(2, third.ReplayedTurns);
        Assert.False(fourth.ThreadReplaced);
        Assert.Equal(3, fourth.ReplayedTurns);
        Assert.EndsWith("""{"type":"message","role":"assistant","content":"a3"},{"type":"message","role":"user","content":"q4"}]""", Input(handler.Requests.Last()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_remembers_the_retirement_so_a_new_session_sends_no_more_chat_completions()
    {
        var handler = new RecordingHandler(Retired(), AgentReply("resp_1", "a1"), AgentReply("resp_2", "b1"));
        using var client = RecordingHandler.CreateClient(handler);
        await client.Perplexity.StartSession().SendAsync("q1");

        var other = await client.Perplexity.StartSession().SendAsync("p1");

        Assert.Equal(["/chat/completions", "/v1/responses", "/v1/responses"], handler.Requests.Select(r => r.Uri.AbsolutePath));
        Assert.Equal(("b1", ThreadReplacementReason.EndpointRetired), (other.Text, other.Replacement!.Reason));
        Assert.Null(other.Replacement.Cause);
    }

    [Fact]
    public async Task With_the_throw_policy_the_retirement_is_thrown_and_the_session_is_unchanged()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), Retired());
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.ChatCompletionsRetirement = ChatCompletionsRetirementPolicy.Throw);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("q1");
        var before = session.Record;

        var error = await Assert.ThrowsAsync<EndpointRetiredException>(() => session.SendAsync("q2"));

        Assert.Equal("/v1/responses", error.Successor);
        Assert.Equal(before, session.Record);
        Assert.Null(before.Transcript);
        Assert.False(client.Perplexity.ChatCompletionsRetired);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_failed_agent_send_after_the_retirement_leaves_the_session_as_it_was_and_the_turn_can_be_sent_again()
    {
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "a1"), Retired(), RecordingHandler.Json("""{"error":{"message":"bad","type":"invalid_request_error"}}""", HttpStatusCode.BadRequest), AgentReply("resp_2", "a2"));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("q1");
        var before = session.Record;

        await Assert.ThrowsAsync<ThreadsApiException>(() => session.SendAsync("q2"));
        Assert.Equal(before, session.Record);
        var again = await session.SendAsync("q2");

        Assert.Equal(("a2", ThreadReplacementReason.EndpointRetired, ThreadA), (again.Text, again.Replacement!.Reason, again.Replacement.OldConversationId));
        Assert.Equal(Input(handler.Requests.ElementAt(2)), Input(handler.Requests.Last()));
    }

    [Fact]
    public async Task The_model_maps_through_the_documented_option_and_configure_request_fields_carry_over()
    {
        var handler = new RecordingHandler(Retired(), AgentReply("resp_1", "a1"));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.SonarModelMap["sonar-pro"] = "openai/gpt-5.5");
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions
        {
            ConfigureRequest = r =>
            {
                r.MaxTokens = 300;
                r.ReasoningEffort = "low";
                r.SearchDomainFilter = ["nature.com"];
                r.SearchRecencyFilter = "month";
                r.Temperature = 0.2;
            },
            ConfigureAgentRequest = r => r.LanguagePreference = "de",
        });

        await session.SendAsync("q1");

        Assert.Equal(
            """{"input":[{"type":"message","role":"user","content":"q1"}],"model":"openai/gpt-5.5","max_output_tokens":300,"reasoning":{"effort":"low"},"tools":[{"type":"web_search","filters":{"search_domain_filter":["nature.com"],"search_recency_filter":"month"}}],"language_preference":"de","prompt_cache_key":"tc_*"}""",
            handler.Requests.Last().MaskedBody);
    }

    [Fact]
    public async Task A_streamed_turn_that_meets_the_retirement_streams_from_the_agent_api_with_the_same_chunk_type()
    {
        var handler = new RecordingHandler(Retired(), RecordingHandler.EventStream(AgentStreams.Sse(AgentStreams.Documented("Hel", "lo"))));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var stream = session.StreamAsync("q1");
        var deltas = new List<string?>();
        await foreach (var chunk in stream)
        {
            deltas.Add(chunk.DeltaText);
        }

        Assert.Equal(["Hel", "lo", null], deltas);
        Assert.Equal(("Hello", ThreadReplacementReason.EndpointRetired), (stream.Reply.Text, stream.Reply.Replacement!.Reason));
        Assert.Equal(12, stream.Reply.Reply.Usage!.TotalTokens);
        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q1"}],"preset":"low","stream":true,"prompt_cache_key":"tc_*"}""", handler.Requests.Last().MaskedBody);
    }

    [Fact]
    public async Task Text_a_migrated_stream_missed_in_its_deltas_arrives_in_the_last_chunk_once()
    {
        var body = AgentStreams.Sse(AgentStreams.Created, AgentStreams.Delta("Hel", 1), AgentStreams.TextDone("Hello world"), AgentStreams.Completed("Hello world"));
        var handler = new RecordingHandler(Retired(), RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var reply = await client.Perplexity.StartSession().StreamAsync("q1").ToReplyAsync();

        Assert.Equal("Hello world", reply.Text);
    }

    [Fact]
    public async Task A_transcript_in_a_distributed_store_lets_a_second_client_continue_the_migrated_conversation()
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var handlerA = new RecordingHandler(PerplexityReply(ThreadA, "a1"), Retired(), AgentReply("resp_2", "a2"));
        var handlerB = new RecordingHandler(Retired(), AgentReply("resp_3", "a3"));
        using var clientA = RecordingHandler.CreateClient(handlerA, o => o.SessionStore = new DistributedThreadSessionStore(cache));
        using var clientB = RecordingHandler.CreateClient(handlerB, o => o.SessionStore = new DistributedThreadSessionStore(cache));

        var a = await clientA.Sessions.GetOrStartPerplexityAsync("user:7");
        await a.SendAsync("q1");
        await a.SendAsync("q2");
        var b = await clientB.Sessions.GetOrStartPerplexityAsync("user:7");
        var third = await b.SendAsync("q3");

        Assert.Equal("a3", third.Text);
        Assert.Equal(
            """[{"type":"message","role":"user","content":"q1"},{"type":"message","role":"assistant","content":"a1"},{"type":"message","role":"user","content":"q2"},{"type":"message","role":"assistant","content":"a2"},{"type":"message","role":"user","content":"q3"}]""",
            Input(handlerB.Requests.Last()));
        var stored = await clientB.Sessions.Store.GetAsync("user:7");
        Assert.Equal(["q1", "a1", "q2", "a2", "q3", "a3"], stored!.Transcript!.Select(m => m.Text));
        Assert.True(stored.IsStateless);
    }
}
