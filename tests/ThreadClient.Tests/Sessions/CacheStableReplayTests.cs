using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Emulator;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;

namespace ThreadClient.Tests.Sessions;

/// <summary>
/// A conversation on a service that keeps nothing costs like a thread: a replay that stays byte-identical
/// between window steps, one <c>prompt_cache_key</c> per conversation, compaction instead of forgetting,
/// and a ledger of what it cost; measured on the emulator, which bills cache reads per key.
/// </summary>
public sealed class CacheStableReplayTests
{
    /// <summary>The prompt a request's prefix is made of, as the emulator's bill reads it: the instructions, then the input as sent.</summary>
    private static string Prompt(EmulatorRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        return (body["instructions"]?.GetValue<string>() ?? "") + "\n" + body["input"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    [Fact]
    public async Task A_forty_turn_replayed_conversation_keeps_one_key_and_its_prefix_and_steps_visibly()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { Instructions = "Answer briefly." });

        var replies = new List<SessionReply<AgentResponse>>();
        for (var n = 1; n <= 40; n++)
        {
            replies.Add(await session.SendAsync($"Question {n}: what about topic {n}?"));
        }

        var requests = emulator.Requests.Where(r => r.Path == "/v1/responses").ToList();
        var keys = requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]?.GetValue<string>()).Distinct().ToList();
        Assert.Matches("^tc_[0-9a-f]{32}$", Assert.Single(keys));
        Assert.Equal(keys[0], session.Record.PromptCacheKey);
        var prompts = requests.Select(Prompt).ToList();
        var unchanged = Enumerable.Range(1, 39).Sum(i => (long)CommonPrefix(prompts[i - 1], prompts[i]));
        var total = Enumerable.Range(1, 39).Sum(i => (long)prompts[i].Length);
        Assert.True(unchanged >= 0.80 * total, $"{100.0 * unchanged / total:0.0} % of the input bytes of turns 2-40 were the previous request's input unchanged");
        Assert.Equal([21, 32], replies.Select((r, i) => (r, n: i + 1)).Where(x => x.r.WindowStepped).Select(x => x.n));
        Assert.Equal(11, replies[20].TrimmedTurns);
        var usage = replies.Skip(1).Select(r => r.Usage!).ToList();
        var cacheShare = (double)usage.Sum(u => u.CacheReadInputTokens!.Value) / usage.Sum(u => u.InputTokens!.Value);
        Assert.True(cacheShare >= 0.75, $"{100 * cacheShare:0.0} % of the input tokens after turn 1 were billed as cache reads");
    }

    [Fact]
    public async Task A_window_that_slides_a_turn_at_a_time_changes_the_prefix_on_every_turn_once_full()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 10, ReplayLowWaterMark = 1 });

        var replies = new List<SessionReply<AgentResponse>>();
        for (var n = 1; n <= 14; n++)
        {
            replies.Add(await session.SendAsync($"q{n}"));
        }

        Assert.Equal([11, 12, 13, 14], replies.Select((r, i) => (r, n: i + 1)).Where(x => x.r.WindowStepped).Select(x => x.n));
        Assert.All(replies.Skip(11), r => Assert.Equal(1, r.TrimmedTurns));
    }

    [Fact]
    public async Task The_key_is_kept_in_the_record_so_another_client_on_the_store_sends_the_same_one()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new InMemoryThreadSessionStore();
        using (var first = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store))
        {
            await (await first.Perplexity.Agent.GetOrStartSessionAsync("user-1")).SendAsync("one");
        }

        using var second = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store);
        var resumed = await second.Perplexity.Agent.GetOrStartSessionAsync("user-1");
        var reply = await resumed.SendAsync("two");

        var keys = emulator.Requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]!.GetValue<string>()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(keys[0], reply.PromptCacheKey);
        Assert.DoesNotContain("user-1", keys[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_turn_and_a_turn_sent_again_after_a_failure_carry_the_same_key()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession();
        emulator.Faults.Enqueue("POST", "/v1/responses", EmulatorFault.Status(429, headers: new Dictionary<string, string> { ["retry-after-ms"] = "1" }));
        emulator.Faults.Enqueue("POST", "/v1/responses", EmulatorFault.Status(400, """{"error":{"message":"validation failed: try again","type":"invalid_request","code":400}}"""), times: 1);

        await Assert.ThrowsAsync<ThreadsApiException>(() => session.SendAsync("one"));
        await session.SendAsync("one");

        var keys = emulator.Requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]!.GetValue<string>()).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Single(keys.Distinct());
    }

    [Fact]
    public async Task A_key_can_be_derived_turned_off_or_set_per_request()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new InMemoryThreadSessionStore();
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store);
        PromptCacheKeyContext? seen = null;

        await (await client.Perplexity.Agent.GetOrStartSessionAsync("k1", new AgentSessionOptions { PromptCacheKeys = PromptCacheKeyPolicy.Derived, PromptCacheKeyFactory = c => { seen = c; return "derived-" + c.Generation; } })).SendAsync("a");
        await client.Perplexity.Agent.StartSession(new AgentSessionOptions { PromptCacheKeys = PromptCacheKeyPolicy.Off }).SendAsync("b");
        await client.Perplexity.Agent.StartSession(new AgentSessionOptions { ConfigureRequest = r => r.PromptCacheKey = "mine" }).SendAsync("c");

        var keys = emulator.Requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]?.GetValue<string>()).ToList();
        Assert.Equal(["derived-0", null, "mine"], keys);
        Assert.Equal(new PromptCacheKeyContext("k1", 0), seen);
        Assert.Throws<ArgumentException>(() => client.Perplexity.Agent.StartSession(new AgentSessionOptions { PromptCacheKeys = PromptCacheKeyPolicy.Derived }));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayLowWaterMark = 0 }));
    }

    [Fact]
    public async Task A_seed_style_session_migrated_to_the_agent_api_sends_one_key_on_every_turn()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { PerplexityChatCompletionsRetired = true });
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.StartSession();

        await session.SendAsync("one");
        await session.SendAsync("two");
        await session.StreamAsync("three").ToListAsync();

        var keys = emulator.Requests.Where(r => r.Path == "/v1/responses").Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]!.GetValue<string>()).Distinct();
        Assert.Matches("^tc_[0-9a-f]{32}$", Assert.Single(keys));
    }

    [Fact]
    public async Task An_ichatclient_conversation_continued_by_its_id_sends_one_key_and_the_templates_window()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        using var chat = ThreadClient.Extensions.AI.ThreadsChatClientExtensions.AsIChatClient(client.Perplexity.Agent, "perplexity/sonar", new AgentSessionOptions { ReplayTurns = 2 });

        var first = await Microsoft.Extensions.AI.ChatClientExtensions.GetResponseAsync(chat, "one");
        var options = new Microsoft.Extensions.AI.ChatOptions { ConversationId = first.ConversationId };
        await Microsoft.Extensions.AI.ChatClientExtensions.GetResponseAsync(chat, "two", options);
        await Microsoft.Extensions.AI.ChatClientExtensions.GetResponseAsync(chat, "three", options);
        var fourth = await Microsoft.Extensions.AI.ChatClientExtensions.GetResponseAsync(chat, "four", options);

        var keys = emulator.Requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]?.GetValue<string>()).Distinct().ToList();
        Assert.Matches("^tc_[0-9a-f]{32}$", Assert.Single(keys));
        Assert.Equal(["three"], EmulatorReplies.EarlierTurns(fourth.Text));
    }

    [Fact]
    public async Task Every_reply_carries_its_usage_and_the_record_the_conversations_totals_across_restarts()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new InMemoryThreadSessionStore();
        SessionReply<AgentResponse> first;
        using (var client = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store))
        {
            first = await (await client.Perplexity.Agent.GetOrStartSessionAsync("u")).SendAsync("one");
        }

        using var restarted = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = store);
        var session = await restarted.Perplexity.Agent.GetOrStartSessionAsync("u");
        var second = await session.SendAsync("two");

        var usage = first.Reply.Usage!;
        Assert.Equal(new TurnUsage(usage.InputTokens, usage.OutputTokens, 0, 0, (decimal)usage.Cost!.TotalCost!.Value, "USD"), first.Usage);
        Assert.True(second.Usage!.CacheReadInputTokens > 0);
        var totals = session.Usage;
        Assert.Equal((2, first.Usage!.InputTokens + second.Usage.InputTokens, first.Usage.OutputTokens + second.Usage.OutputTokens), (totals.Turns, (long?)totals.InputTokens, (long?)totals.OutputTokens));
        Assert.Equal((second.Usage.CacheReadInputTokens, first.Usage.Cost + second.Usage.Cost, "USD"), ((long?)totals.CacheReadInputTokens, (decimal?)totals.Cost, totals.Currency));
        Assert.Equal(totals, (await store.GetAsync("u"))!.Usage);
    }

    [Fact]
    public async Task Chat_completions_usage_and_cost_count_in_the_ledger()
    {
        var body = """{"id":"c1","model":"sonar-pro","thread_id":"THREAD","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"}}],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"cost":{"input_tokens_cost":0.000012,"output_tokens_cost":0.000006,"request_cost":0.006,"total_cost":0.006018}}}""";
        var handler = new RecordingHandler(RecordingHandler.Json(body.Replace("THREAD", PerplexitySeed.ThreadId, StringComparison.Ordinal)));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();

        var reply = await session.SendAsync("q");

        Assert.Equal(new TurnUsage(12, 3, Cost: 0.006018m, Currency: "USD"), reply.Usage);
        Assert.Equal((1, 0.006018m), (session.Usage.Turns, session.Usage.Cost));
    }

    [Fact]
    public async Task The_emulator_bills_the_shared_prefix_as_cache_reads_per_key_at_its_settable_prices()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        var prompt = new string('x', 400);

        var first = await wire.OkAsync("POST", "v1/responses", $$"""{"input":"{{prompt}}","prompt_cache_key":"k"}""");
        var second = await wire.OkAsync("POST", "v1/responses", $$"""{"input":"{{prompt}}y","prompt_cache_key":"k"}""");
        var otherKey = await wire.OkAsync("POST", "v1/responses", $$"""{"input":"{{prompt}}y","prompt_cache_key":"other"}""");
        await wire.OkAsync("PUT", "_emulator/perplexity/agent/prices", """{"input_per_million_tokens":10,"cache_read_per_million_tokens":1}""");
        var repriced = await wire.OkAsync("POST", "v1/responses", $$"""{"input":"{{prompt}}y","prompt_cache_key":"k"}""");

        Assert.Equal(0, first["usage"]!["input_tokens_details"]!["cache_read_input_tokens"]!.GetValue<int>());
        // The prompt is "\n" and the input as sent, "\"xxx...y\"": 404 characters, 101 tokens; 402 of them shared, 100 tokens.
        Assert.Equal((101, 100), (second["usage"]!["input_tokens"]!.GetValue<int>(), second["usage"]!["input_tokens_details"]!["cache_read_input_tokens"]!.GetValue<int>()));
        Assert.Equal(0, otherKey["usage"]!["input_tokens_details"]!["cache_read_input_tokens"]!.GetValue<int>());
        Assert.Equal((0.00001m, 0.000001m), (second["usage"]!["cost"]!["cache_read_cost"]!.GetValue<decimal>(), second["usage"]!["cost"]!["input_cost"]!.GetValue<decimal>()));
        Assert.Equal((0.000101m, 0m), (repriced["usage"]!["cost"]!["cache_read_cost"]!.GetValue<decimal>(), repriced["usage"]!["cost"]!["input_cost"]!.GetValue<decimal>()));
        Assert.Equal(10m, emulator.AgentPrices.InputPerMillionTokens);
    }

    [Fact]
    public async Task A_chained_request_is_billed_for_the_context_it_carries_as_the_live_service_bills_it()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var first = await wire.OkAsync("POST", "v1/responses", """{"input":"Remember the number seven, please.","prompt_cache_key":"k"}""");
        var chained = await wire.OkAsync("POST", "v1/responses", $$"""{"input":"Which?","previous_response_id":"{{first["id"]!.GetValue<string>()}}","prompt_cache_key":"k"}""");
        var alone = await wire.OkAsync("POST", "v1/responses", """{"input":"Which?","prompt_cache_key":"other"}""");

        var carried = chained["usage"]!["input_tokens"]!.GetValue<int>();
        Assert.True(carried > first["usage"]!["input_tokens"]!.GetValue<int>() + alone["usage"]!["input_tokens"]!.GetValue<int>(), $"a chained follow-up billed {carried} input tokens");
        Assert.True(chained["usage"]!["input_tokens_details"]!["cache_read_input_tokens"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Compaction_summarises_the_turns_leaving_the_window_replays_the_summary_after_the_instructions_and_renews_the_key()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var summarizer = new RecordingSummarizer();
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { Instructions = "Be brief.", ReplayTurns = 4, Summarizer = summarizer });

        var replies = new List<SessionReply<AgentResponse>>();
        for (var n = 1; n <= 7; n++)
        {
            replies.Add(await session.SendAsync($"q{n}"));
        }

        var step = replies[4];
        Assert.Equal((true, 3, true), (step.WindowStepped, step.Compaction!.SummarizedTurns, step.Compaction.Succeeded));
        var asked = Assert.Single(summarizer.Requests);
        Assert.Equal((null, "q1|q2|q3"), (asked.PreviousSummary, string.Join('|', asked.Turns.Where(m => m.Role == "user").Select(m => m.Text))));
        Assert.Equal(("summary of q1..q3", 3), (session.Record.Summary, session.Record.SummarizedTurnCount));
        var sixth = JsonNode.Parse(emulator.Requests[5].Body)!;
        Assert.Equal("Be brief.", sixth["instructions"]!.GetValue<string>());
        Assert.Equal(("system", "Summary of the earlier conversation:\nsummary of q1..q3"), (sixth["input"]![0]!["role"]!.GetValue<string>(), sixth["input"]![0]!["content"]!.GetValue<string>()));
        Assert.Equal(["q4", "q5"], EmulatorReplies.EarlierTurns(replies[5].Text));
        var keys = emulator.Requests.Select(r => JsonNode.Parse(r.Body)!["prompt_cache_key"]!.GetValue<string>()).ToList();
        Assert.Single(keys.Take(5).Distinct());
        Assert.NotEqual(keys[4], keys[5]);
        Assert.Equal(keys[5], keys[6]);
        Assert.Equal((1, 1), (session.Record.PromptCacheKeyGeneration, session.Usage.Compactions));
        Assert.Equal(replies.Sum(r => r.Usage!.Cost!.Value) + 0.5m, session.Usage.Cost);
        Assert.Equal(replies.Sum(r => r.Usage!.InputTokens!.Value) + 100, session.Usage.InputTokens);
    }

    [Fact]
    public async Task A_failing_summariser_does_not_fail_the_turn_the_reply_carries_its_error_and_the_log_no_text()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var logs = new FakeLogs();
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => o.LoggerFactory = logs);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 2, Summarizer = new RecordingSummarizer { Fails = true } });

        await session.SendAsync("secret one");
        await session.SendAsync("secret two");
        var third = await session.SendAsync("secret three");

        Assert.Equal((true, 2, false), (third.WindowStepped, third.Compaction!.SummarizedTurns, third.Compaction.Succeeded));
        Assert.IsType<InvalidOperationException>(third.Compaction.Error);
        Assert.Null(session.Record.Summary);
        Assert.Equal(3, session.Record.TurnCount);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.DoesNotContain("secret", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    private sealed class RecordingSummarizer : IConversationSummarizer
    {
        public List<ConversationSummaryRequest> Requests { get; } = [];

        public bool Fails { get; init; }

        public Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (Fails)
            {
                throw new InvalidOperationException("the summariser is down (secret one)");
            }

            var users = request.Turns.Where(m => m.Role == "user").Select(m => m.Text).ToList();
            return Task.FromResult(new ConversationSummary($"summary of {users[0]}..{users[^1]}", new TurnUsage(100, 20, Cost: 0.5m, Currency: "USD")));
        }
    }
}
