using System.Net;
using System.Text.Json;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Emulator;

/// <summary>The Agent API and the retirement of chat completions, end to end against the emulator over loopback.</summary>
public sealed class EmulatorAgentTests
{
    [Fact]
    public async Task A_seed_style_session_keeps_its_conversation_when_chat_completions_are_retired_mid_conversation()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.StartSession();

        var first = await session.SendAsync("Which film won in 1996?");
        emulator.PerplexityChatCompletionsRetired = true;
        var second = await session.SendAsync("Who directed it?");
        var third = await session.SendAsync("What else did he make?");

        Assert.NotNull(first.ConversationId);
        Assert.Equal(ThreadReplacementReason.EndpointRetired, second.Replacement!.Reason);
        Assert.Equal(["Which film won in 1996?"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Equal(["Which film won in 1996?", "Who directed it?"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.False(third.ThreadReplaced);
        Assert.Equal(
            ["POST /chat/completions", "POST /chat/completions", "POST /v1/responses", "POST /v1/responses"],
            emulator.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("https://emulator.local/source/1", Assert.Single(third.Reply.Citations!));
        Assert.True(third.Reply.Usage!.Cost!.TotalCost > 0);
    }

    [Fact]
    public async Task A_streamed_session_turn_on_a_retired_emulator_streams_from_the_agent_api()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { PerplexityChatCompletionsRetired = true });
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("one");

        var text = new System.Text.StringBuilder();
        var stream = session.StreamAsync("two");
        await foreach (var chunk in stream)
        {
            text.Append(chunk.DeltaText);
        }

        Assert.Equal(stream.Reply.Text, text.ToString());
        Assert.Equal(["one"], EmulatorReplies.EarlierTurns(stream.Reply.Text));
        Assert.Equal("two", EmulatorReplies.Echoed(stream.Reply.Text));
    }

    [Fact]
    public async Task The_agent_client_creates_streams_gets_and_cancels_against_the_emulator()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var agent = client.Perplexity.Agent;

        var created = await agent.CreateResponseAsync(new AgentRequest { Input = "hello", Model = "perplexity/sonar" });
        var streamed = await agent.StreamResponseAsync(new AgentRequest { Input = "again" }).ToResponseAsync();
        var got = await agent.GetResponseAsync(created.Id!);
        var background = await agent.CreateResponseAsync(new AgentRequest { Input = "later", Background = true });
        var cancelling = await agent.CancelResponseAsync(background.Id!);
        var cancelled = await agent.GetResponseAsync(background.Id!);
        var missing = await Assert.ThrowsAsync<ThreadsApiException>(() => agent.GetResponseAsync("resp_ffffffff"));

        Assert.Equal(("completed", "Echo: hello [earlier: ]", "perplexity/sonar"), (created.Status, created.OutputText, created.Model));
        Assert.Equal(["search_results", "message"], created.Output.Select(i => i.Type));
        Assert.Equal("Echo: again [earlier: ]", streamed.OutputText);
        Assert.Equal(created.OutputText, got.OutputText);
        Assert.Equal((AgentResponseStatus.Queued, "cancelling", AgentResponseStatus.Cancelled), (background.Status, cancelling.Status, cancelled.Status));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Previous_response_id_is_honoured_or_ignored_as_the_emulator_is_told(bool honoured)
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { AgentHonoursPreviousResponseId = honoured });
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse });

        await session.SendAsync("first");
        var second = await session.SendAsync("second");

        Assert.Equal(honoured ? ["first"] : [], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Contains("\"previous_response_id\"", emulator.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_mode_carries_the_context_although_the_emulator_ignores_previous_response_ids()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession();

        await session.SendAsync("first");
        await session.SendAsync("second");
        var third = await session.SendAsync("third");

        Assert.Equal(["first", "second"], EmulatorReplies.EarlierTurns(third.Text));
    }

    [Fact]
    public async Task An_unknown_previous_response_on_an_honouring_emulator_falls_back_to_replay()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { AgentHonoursPreviousResponseId = true });
        var cache = new InMemoryThreadSessionStore();
        var record = new SessionRecord { Provider = "Perplexity", Kind = SessionKind.Agent, ConversationId = "resp_gone", Transcript = [new("user", "first"), new("assistant", "Echo: first [earlier: ]")] };
        await cache.SetAsync("k", record);
        using var resumed = new ThreadsClient(new ThreadsClientOptions { SessionStore = cache, Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = emulator.BaseAddress } });
        var session = await resumed.Sessions.GetOrStartPerplexityAgentAsync("k", new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse });

        var reply = await session.SendAsync("second");

        Assert.Equal(ThreadReplacementReason.PreviousResponseUnavailable, reply.Replacement!.Reason);
        Assert.Equal(["first"], EmulatorReplies.EarlierTurns(reply.Text));
    }

    [Fact]
    public async Task Retired_chat_completions_answer_the_documented_403_and_direct_calls_see_EndpointRetiredException()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { PerplexityChatCompletionsRetired = true });
        using var client = EmulatorPerplexityTests.Client(emulator);
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<EndpointRetiredException>(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("hi") } }));
        using var raw = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "chat/completions"))
        {
            Headers = { { "Authorization", "Bearer k" } },
            Content = new StringContent("""{"model":"sonar-pro","messages":[{"role":"user","content":"hi"}]}"""),
        });

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, raw.StatusCode);
        Assert.Equal(ThreadsEmulator.ChatCompletionsRetiredBody, await raw.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"model":"perplexity/sonar"}""", "validation failed: input must not be empty")]
    [InlineData("""{"input":""}""", "validation failed: input must not be empty")]
    [InlineData("""{"input":5}""", "validation failed: input must be a string or a list of input items")]
    [InlineData("""[1,2]""", "validation failed: body must be a JSON object")]
    [InlineData("""{"input":"q","models":["a","b","c","d","e","f"]}""", "validation failed: models accepts at most 5 entries")]
    [InlineData("""{"input":"q","max_steps":0}""", "validation failed: max_steps must be between 1 and 10")]
    [InlineData("""{"input":"q","tools":[{"type":"web_search","filters":{"search_recency_filter":"decade"}}]}""", "validation failed: tools[0].filters.search_recency_filter must be one of hour, day, week, month, year")]
    [InlineData("""{"input":"q","response_format":{"type":"json_schema","json_schema":{"name":"x"}}}""", "validation failed: response_format.json_schema.schema is required")]
    [InlineData("""{"input":"q","preset":"low","profile":"p"}""", "validation failed: preset and profile cannot be combined")]
    [InlineData("""{"input":"q""", "validation failed: the body is not valid JSON")]
    public async Task Bad_agent_input_gets_the_live_400_validation_failed(string body, string message)
    {
        var (status, text) = await PostRawAsync("v1/agent", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request\",\"code\":400}}", text);
    }

    [Theory]
    [InlineData("""{"input":"q","text":{"format":{"type":"text"}}}""", """{"error":{"message":"unknown field \"text\"","type":"invalid_request","param":"text","code":400}}""")]
    [InlineData("""{"input":"q","response_format":{"type":"json_schema","json_schema":{"schema":{"type":"array"}}}}""", """{"error":{"message":"invalid schema: the root of response_format.json_schema.schema must be an object schema","type":"invalid_parameter","param":"response_format.json_schema.schema","code":400}}""")]
    public async Task An_unknown_field_and_a_bad_schema_root_get_the_live_400s(string body, string expected)
    {
        var (status, text) = await PostRawAsync("v1/responses", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(expected, text);
    }

    /// <summary>A body exactly as given (not necessarily JSON) to a fresh emulator, and the answer as text.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string path, string body)
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var http = new HttpClient();
        using var reply = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, path))
        {
            Headers = { { "Authorization", "Bearer k" } },
            Content = new StringContent(body),
        });
        return (reply.StatusCode, await reply.Content.ReadAsStringAsync());
    }
}
