using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Emulator;

/// <summary>The emulator's Agent API answers every case of WIRE.md §4 as the live service does, and the SDK reads each right.</summary>
public sealed class EmulatorLiveAgentTests
{
    private static string Ask(string text, string extra = "") => $$"""{"input":"{{text}}"{{extra}}}""";

    [Fact]
    public async Task A_previous_response_id_that_cannot_be_chained_answers_the_live_400_whatever_the_reason()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        var queued = (await wire.OkAsync("POST", "v1/responses", Ask("later", ""","background":true""")))["id"]!.GetValue<string>();
        var cancelled = (await wire.OkAsync("POST", "v1/responses", Ask("stop me", ""","background":true""")))["id"]!.GetValue<string>();
        await wire.OkAsync("POST", $"v1/responses/{cancelled}/cancel");
        await wire.OkAsync("GET", $"v1/responses/{cancelled}");

        foreach (var previous in new[] { "resp_ffffffff", "not-an-id", queued, cancelled })
        {
            var (status, body, _) = await wire.SendAsync("POST", "v1/responses", Ask("next", $$""","previous_response_id":"{{previous}}" """));

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(AgentLiveReplies.InvalidRequest, body!.ToJsonString());
        }
    }

    [Fact]
    public async Task A_previous_response_session_on_the_default_emulator_survives_an_unknown_id_by_replaying()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new InMemoryThreadSessionStore();
        await store.SetAsync("k", new SessionRecord { Provider = "Perplexity", Kind = SessionKind.Agent, ConversationId = "resp_0000dead", Transcript = [new("user", "first"), new("assistant", "Echo: first [earlier: ]")] });
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store);
        var session = await client.Perplexity.Agent.GetOrStartSessionAsync("k", new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse });

        var second = await session.SendAsync("second");
        var third = await session.SendAsync("third");

        Assert.Equal((ThreadReplacementReason.PreviousResponseUnavailable, "resp_0000dead"), (second.Replacement!.Reason, second.Replacement.OldConversationId));
        Assert.IsType<PreviousResponseUnavailableException>(second.Replacement.Cause);
        Assert.Equal(["first"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Null(third.Replacement);
        Assert.Equal(["first", "second"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Contains($"\"previous_response_id\":\"{second.ConversationId}\"", emulator.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_of_a_hidden_unknown_or_malformed_id_answers_the_live_404_and_400()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var hidden = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "secret", Store = false });

        var notStored = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync(hidden.Id!));
        var unknown = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("resp_ffffffff"));
        var malformed = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("response-1"));
        var chained = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "follow up", PreviousResponseId = hidden.Id });

        Assert.Equal(AgentLiveReplies.NotFound, notStored.Error.RawBody);
        Assert.Equal(AgentLiveReplies.NotFound, unknown.Error.RawBody);
        Assert.Equal((HttpStatusCode.BadRequest, AgentLiveReplies.InvalidResponseId), (malformed.StatusCode, malformed.Error.RawBody));
        Assert.Equal(["secret"], EmulatorReplies.EarlierTurns(chained.OutputText));
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_as_incomplete_and_a_budget_of_one_leaves_no_text()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);

        var cut = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "tell me a long story", MaxOutputTokens = 3 });
        var empty = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "tell me a long story", MaxOutputTokens = 1 });
        var streamed = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "tell me a long story", MaxOutputTokens = 3 }).ToResponseAsync();

        Assert.Equal((AgentResponseStatus.Incomplete, "max_output_tokens", "Echo: tell me"), (cut.Status, cut.IncompleteDetails!.Reason, cut.OutputText));
        Assert.Equal(3L, cut.Usage!.OutputTokens);
        Assert.Equal((AgentResponseStatus.Incomplete, 0, ""), (empty.Status, empty.Output.Count, empty.OutputText));
        Assert.Equal((true, "Echo: tell me"), (streamed.IsIncomplete, streamed.OutputText));
        using var http = new HttpClient();
        using var raw = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "v1/responses"))
        {
            Headers = { { "Authorization", "Bearer k" } },
            Content = new StringContent(Ask("tell me a long story", ""","max_output_tokens":3,"stream":true""")),
        });
        var events = (await raw.Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("event: ", StringComparison.Ordinal)).ToList();
        Assert.Equal("event: response.incomplete", events[^1]);
    }

    [Fact]
    public async Task A_session_on_the_emulator_records_a_cut_off_turn_and_refuses_an_empty_one()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var budget = 3;
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ConfigureRequest = r => r.MaxOutputTokens = budget });

        var cut = await session.SendAsync("tell me a long story");
        budget = 1;
        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.SendAsync("and another"));

        Assert.Equal((true, "max_output_tokens", "Echo: tell me"), (cut.IsCutOff, cut.CutOffReason, cut.Text));
        Assert.Equal("max_output_tokens", error.ErrorCode);
        Assert.Equal(1, session.Record.TurnCount);
    }

    [Fact]
    public async Task A_background_run_is_queued_then_in_progress_then_completed_as_it_is_polled()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);

        var created = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "research this", Background = true });
        var polls = new List<AgentResponse>();
        for (var i = 0; i < 3; i++)
        {
            polls.Add(await client.Perplexity.Agent.GetResponseAsync(created.Id!));
        }

        Assert.Equal((AgentResponseStatus.Queued, true, 0, null), (created.Status, created.Background, created.Output.Count, created.Usage));
        Assert.Equal([AgentResponseStatus.InProgress, AgentResponseStatus.Completed, AgentResponseStatus.Completed], polls.Select(p => p.Status));
        Assert.Equal("Echo: research this [earlier: ]", polls[2].OutputText);
    }

    [Fact]
    public async Task A_cancelled_run_is_cancelling_then_cancelled_with_the_live_error_and_no_usage_and_a_finished_one_cannot_be_cancelled()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var run = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "research this", Background = true });

        var cancelling = await client.Perplexity.Agent.CancelResponseAsync(run.Id!);
        var cancelled = await client.Perplexity.Agent.GetResponseAsync(run.Id!);
        var again = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CancelResponseAsync(run.Id!));
        var done = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "quick" });
        var finished = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CancelResponseAsync(done.Id!));

        Assert.Equal((run.Id, AgentResponseStatus.Cancelling), (cancelling.ResponseId, cancelling.Status));
        Assert.Equal((AgentResponseStatus.Cancelled, "cancelled", "cancelled", "cancelled", null), (cancelled.Status, cancelled.Error!.Code, cancelled.Error.Type, cancelled.IncompleteDetails!.Reason, cancelled.Usage));
        Assert.Equal("Echo:", cancelled.OutputText);
        Assert.Equal(AgentLiveReplies.AlreadyTerminal, again.Error.RawBody);
        Assert.Equal(AgentLiveReplies.AlreadyTerminal, finished.Error.RawBody);
    }

    [Fact]
    public async Task A_model_error_is_a_200_with_status_failed_and_the_error_direct_streamed_and_in_a_session()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var request = new AgentRequest { Input = "q", Model = ThreadsEmulator.AgentFailingModel };

        var direct = await client.Perplexity.Agent.CreateResponseAsync(request);
        var streamed = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(request).ToResponseAsync());
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { Model = ThreadsEmulator.AgentFailingModel });
        var turn = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.SendAsync("q"));

        Assert.Equal((AgentResponseStatus.Failed, "model_error"), (direct.Status, direct.Error!.Code));
        Assert.Equal("model_error", streamed.ErrorCode);
        Assert.Equal(("model_error", "the model failed to produce a response"), (turn.ErrorCode, turn.Error.Message));
    }

    [Fact]
    public async Task Every_reply_echoes_the_request_settings_as_the_live_service_does()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var reply = await wire.OkAsync("POST", "v1/responses", Ask("q", ""","instructions":"Be brief.","prompt_cache_key":"pck_1","metadata":{"ticket":"T-1"},"max_output_tokens":500,"max_tool_calls":2,"temperature":0.3,"top_p":0.8,"truncation":"auto","service_tier":"priority","parallel_tool_calls":false,"previous_response_id":null"""));

        string[] echoed = ["background", "completed_at", "created_at", "error", "frequency_penalty", "id", "incomplete_details", "instructions", "max_output_tokens", "max_tool_calls", "metadata", "model", "object", "output", "parallel_tool_calls", "presence_penalty", "previous_response_id", "prompt_cache_key", "reasoning", "safety_identifier", "service_tier", "status", "store", "temperature", "text", "tool_choice", "tools", "top_logprobs", "top_p", "truncation", "usage"];
        Assert.Equal(echoed, ((JsonObject)reply).Select(p => p.Key));
        Assert.Equal(("Be brief.", "pck_1", "T-1", 500, 2), (reply["instructions"]!.GetValue<string>(), reply["prompt_cache_key"]!.GetValue<string>(), reply["metadata"]!["ticket"]!.GetValue<string>(), reply["max_output_tokens"]!.GetValue<int>(), reply["max_tool_calls"]!.GetValue<int>()));
        Assert.Equal((0.3, 0.8, "auto", "priority", false), (reply["temperature"]!.GetValue<double>(), reply["top_p"]!.GetValue<double>(), reply["truncation"]!.GetValue<string>(), reply["service_tier"]!.GetValue<string>(), reply["parallel_tool_calls"]!.GetValue<bool>()));
        var usage = reply["usage"]!;
        Assert.NotNull(usage["input_tokens_details"]!["cached_tokens"]);
        Assert.NotNull(usage["output_tokens_details"]!["reasoning_tokens"]);
        Assert.NotNull(usage["tool_calls_details"]!["web_search"]!["cost_usd"]);
        Assert.NotNull(usage["cost"]!["tool_calls_cost_details"]);
    }

    [Fact]
    public async Task Every_agent_reply_carries_the_rate_limit_headers_the_sdk_types()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);

        var first = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "one" });
        var second = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "two" });
        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("resp_ffffffff"));

        var limits = second.GetRawResponse()!.RateLimits;
        Assert.Equal((50L, 48L, 2L), (limits.Limit, limits.Remaining, limits.Used));
        Assert.Equal(first.GetRawResponse()!.RateLimits.Reset, limits.Reset);
        Assert.True(limits.Reset > DateTimeOffset.UtcNow.AddSeconds(-1) && limits.Reset <= DateTimeOffset.UtcNow.AddSeconds(61), $"reset {limits.Reset}");
        Assert.Equal(3L, error.RateLimits.Used);
    }

    [Fact]
    public async Task Past_the_enforced_limit_the_live_429_comes_with_the_reset_and_the_sdk_waits_for_it_then_retries()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock, EnforceAgentRateLimit = true, AgentRequestsPerMinute = 1 });
        using var client = EmulatorPerplexityTests.Client(emulator, clock);
        using var wire = new EmulatorWire(emulator);
        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "one" });
        var (status, body, raw) = await wire.SendAsync("POST", "v1/responses", Ask("over"));

        var call = client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "two" });
        var waited = await clock.AdvanceToNextTimerAsync(TimeSpan.FromSeconds(80));
        var reply = await call;

        Assert.Equal((HttpStatusCode.TooManyRequests, AgentLiveReplies.RateLimited), (status, body!.ToJsonString()));
        Assert.False(raw.Headers.Contains("Retry-After"));
        var reset = DateTimeOffset.FromUnixTimeSeconds(long.Parse(raw.Headers.GetValues("x-ratelimit-reset").Single(), CultureInfo.InvariantCulture));
        var until = reset - clock.GetUtcNow().Add(-waited);
        Assert.Equal("0", raw.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.InRange(waited, until, until * 1.25);
        Assert.Equal("Echo: two [earlier: ]", reply.OutputText);
    }

    [Fact]
    public async Task An_injected_429_on_the_agent_api_is_the_live_body_with_the_window_used_up()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        emulator.Faults.Enqueue("POST", "/v1/responses", EmulatorFault.Status(429));

        var (status, body, raw) = await wire.SendAsync("POST", "v1/responses", Ask("q"));

        Assert.Equal((HttpStatusCode.TooManyRequests, AgentLiveReplies.RateLimited), (status, body!.ToJsonString()));
        Assert.Equal(("0", "50"), (raw.Headers.GetValues("x-ratelimit-remaining").Single(), raw.Headers.GetValues("x-ratelimit-used").Single()));
    }
}
