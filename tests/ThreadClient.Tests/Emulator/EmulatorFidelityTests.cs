using System.Net;
using System.Text.Json.Nodes;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;

namespace ThreadClient.Tests.Emulator;

/// <summary>The emulator's replies carry what the real services send, and it refuses bad input as they do.</summary>
public sealed class EmulatorFidelityTests
{
    private static readonly System.Text.RegularExpressions.Regex Uuid = new("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    [Fact]
    public async Task A_perplexity_reply_has_every_usage_cost_and_search_result_field_of_the_official_sdk_types()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var reply = await wire.OkAsync("POST", "chat/completions", EmulatorWire.Chat("one two three", ""","use_threads":true,"web_search_options":{"search_context_size":"high"}"""));
        var usage = reply["usage"]!;
        var cost = usage["cost"]!;
        var result = reply["search_results"]![0]!;

        Assert.Matches(Uuid, reply["id"]!.GetValue<string>());
        Assert.Matches(Uuid, reply["thread_id"]!.GetValue<string>());
        Assert.Equal("chat.completion", reply["object"]!.GetValue<string>());
        Assert.Equal((3, "high", 1), (usage["prompt_tokens"]!.GetValue<int>(), usage["search_context_size"]!.GetValue<string>(), usage["num_search_queries"]!.GetValue<int>()));
        Assert.True(usage["citation_tokens"]!.GetValue<int>() > 0);
        Assert.Equal(usage["prompt_tokens"]!.GetValue<int>() + usage["completion_tokens"]!.GetValue<int>(), usage["total_tokens"]!.GetValue<int>());
        Assert.Equal(3 * 3.0 / 1_000_000, cost["input_tokens_cost"]!.GetValue<double>(), 9);
        Assert.Equal(usage["completion_tokens"]!.GetValue<int>() * 15.0 / 1_000_000, cost["output_tokens_cost"]!.GetValue<double>(), 6);
        Assert.Equal(0.014, cost["request_cost"]!.GetValue<double>(), 9);
        Assert.Equal(cost["input_tokens_cost"]!.GetValue<double>() + cost["output_tokens_cost"]!.GetValue<double>() + 0.014, cost["total_cost"]!.GetValue<double>(), 6);
        Assert.Equal(["title", "url", "date", "last_updated", "snippet", "source"], result.AsObject().Select(p => p.Key));
        Assert.Equal("web", result["source"]!.GetValue<string>());
        Assert.Equal(("assistant", ""), (reply["choices"]![0]!["delta"]!["role"]!.GetValue<string>(), reply["choices"]![0]!["delta"]!["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_sdk_reads_the_cost_and_search_result_details_the_emulator_sends()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);

        var completion = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("hi")] });

        Assert.Equal(0.006, completion.Usage!.Cost!.RequestCost!.Value, 9);
        Assert.Equal("2026-01-02", completion.SearchResults![0].LastUpdated);
    }

    [Fact]
    public async Task A_concise_stream_sends_delta_only_chunks_then_one_done_chunk_with_the_message_usage_and_search_results()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { StreamPieceLength = 4 });
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer k");

        var text = await (await http.PostAsync("chat/completions", new StringContent(EmulatorWire.Chat("short", ""","stream":true,"stream_mode":"concise" """)))).Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        var chunks = events.SkipLast(2).Select(e => JsonNode.Parse(e)!).ToList();
        var done = JsonNode.Parse(events[^2])!;

        Assert.Equal("[DONE]", events[^1]);
        Assert.All(chunks, c => Assert.Equal(("chat.completion.chunk", false, false), (c["object"]!.GetValue<string>(), c["choices"]![0]!.AsObject().ContainsKey("message"), c.AsObject().ContainsKey("search_results"))));
        Assert.Equal("chat.completion.done", done["object"]!.GetValue<string>());
        Assert.Equal(string.Concat(chunks.Select(c => c["choices"]![0]!["delta"]!["content"]!.GetValue<string>())), done["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", done["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.NotNull(done["usage"]!["cost"]!["total_cost"]);
        Assert.Single(done["search_results"]!.AsArray());
    }

    [Theory]
    [InlineData(""","use_threads":"true" """, "use_threads must be a boolean")]
    [InlineData(""","use_threads":true,"thread_id":123""", "thread_id must be a string")]
    [InlineData(""","stream":1""", "stream must be a boolean")]
    [InlineData(""","stream":true,"stream_mode":"terse" """, "stream_mode must be one of full, concise")]
    [InlineData(""","web_search_options":{"search_context_size":"huge"}""", "search_context_size must be one of low, medium, high")]
    public async Task A_wrongly_typed_perplexity_field_is_a_400_error_envelope_naming_it(string extra, string says)
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var (status, body, _) = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x", extra));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", body!["error"]!["type"]!.GetValue<string>());
        Assert.Contains(says, body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat/completions", """[{"model":"sonar-pro"}]""", HttpStatusCode.BadRequest, "body must be a JSON object")]
    [InlineData("chat/completions", """{"model":"sonar-pro","messages":{"role":"user"}}""", HttpStatusCode.BadRequest, "messages must be an array")]
    [InlineData("chat/completions", """{"model":"sonar-pro","messages":[{"role":"user","content":5}]}""", HttpStatusCode.BadRequest, "messages[0].content must be a string or an array")]
    [InlineData("v1/model/response", """{"model":"m","store":"false","inputs":[{"role":"user","texts":[{"text":"x"}]}]}""", HttpStatusCode.UnprocessableEntity, "store must be a boolean")]
    [InlineData("v1/model/response", """{"model":"m","thread":5,"inputs":[{"role":"user","texts":[{"text":"x"}]}]}""", HttpStatusCode.UnprocessableEntity, "thread must be a thread id string")]
    [InlineData("v1/model/response", """{"model":"m","inputs":["hi"]}""", HttpStatusCode.UnprocessableEntity, "inputs[0] must be an object")]
    [InlineData("v1/model/response", """{"model":"m","inputs":[{"role":"user","texts":[{"text":7}]}]}""", HttpStatusCode.UnprocessableEntity, "inputs[0].texts[0].text must be a string")]
    [InlineData("v1/model/response", """[]""", HttpStatusCode.UnprocessableEntity, "body must be a JSON object")]
    [InlineData("v1/threads", """{"metadata":"x"}""", HttpStatusCode.UnprocessableEntity, "metadata must be an object")]
    [InlineData("v1/responses", """{"input":"hi","stream":"yes"}""", HttpStatusCode.BadRequest, "validation failed: stream must be a boolean")]
    [InlineData("v1/responses", """{"input":"hi","models":[5]}""", HttpStatusCode.BadRequest, "validation failed: models[0] must be a string")]
    public async Task Bad_input_gets_the_services_error_envelope_with_400_or_422_never_an_empty_500(string path, string json, HttpStatusCode expected, string says)
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var (status, body, _) = await wire.SendAsync("POST", path, json);

        Assert.Equal(expected, status);
        var message = body!["error"]?["message"] ?? body["detail"]![0]!["msg"];
        Assert.Contains(says, message!.GetValue<string>(), StringComparison.Ordinal);
        if (path.StartsWith("v1/model", StringComparison.Ordinal) || path == "v1/threads")
        {
            Assert.Equal((false, "VALIDATION_ERROR"), (body["success"]!.GetValue<bool>(), body["error"]!["code"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_model_response_without_a_thread_creates_one_visible_or_hidden_and_a_chain_creates_none()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var visible = await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("shown"));
        var hidden = await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("background", ""","store":false"""));
        var chained = await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("next", $$""","previousResponseId":"{{visible["id"]}}" """));
        var hiddenThread = await wire.OkAsync("GET", $"v1/threads/{hidden["thread_id"]}");
        var listed = await wire.OkAsync("GET", "v1/threads");

        Assert.Null(chained["thread_id"]);
        Assert.Equal(["next"], [EmulatorReplies.Echoed(chained["output"]![0]!["content"]![0]!["text"]!.GetValue<string>())]);
        Assert.Equal((false, 2), (hiddenThread["visible_in_ui"]!.GetValue<bool>(), hiddenThread["message_count"]!.GetValue<int>()));
        Assert.Equal([visible["thread_id"]!.GetValue<string>()], listed["data"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("False", true)]
    [InlineData("0", true)]
    [InlineData("true", false)]
    [InlineData("True", false)]
    [InlineData("1", false)]
    public async Task Visible_in_ui_accepts_the_spellings_clients_send(string flag, bool hiddenListed)
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("x", ""","thread":"thread_hidden","store":false"""));
        await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("x", ""","thread":"thread_shown" """));

        var listed = await wire.OkAsync("GET", $"v1/threads?visible_in_ui={flag}");

        Assert.Equal(hiddenListed ? "thread_hidden" : "thread_shown", Assert.Single(listed["data"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreadable_visible_in_ui_is_a_422_not_a_guess()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var (status, body, _) = await wire.SendAsync("GET", "v1/threads?visible_in_ui=maybe");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR"), (status, body!["error"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_deleted_aitronos_thread_answers_404_on_use_and_the_sdk_session_falls_back_to_a_new_thread_with_the_users_turn()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var session = client.Aitronos.ResumeSession("thread_doomed");
        await session.SendAsync("before");
        Assert.True(await client.Aitronos.Threads.DeleteAsync("thread_doomed"));

        var reply = await session.SendAsync("after the delete");

        Assert.Equal(ThreadReplacementReason.ThreadNotFound, reply.Replacement!.Reason);
        Assert.NotEqual("thread_doomed", session.ThreadId);
        Assert.Equal("after the delete", EmulatorReplies.Echoed(reply.Text));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.ResumeSession("thread_doomed", new AitronosSessionOptions { Fallback = ThreadFallbackPolicy.Throw }).SendAsync("x"))).StatusCode);
    }

    [Fact]
    public async Task Aitronos_threads_expire_after_90_days_without_use_and_after_a_year_in_use_on_the_emulators_clock()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = Client(emulator, clock);
        var idle = client.Aitronos.ResumeSession("thread_idle");
        var busy = client.Aitronos.ResumeSession("thread_busy");
        await idle.SendAsync("hello");
        await busy.SendAsync("hello");

        for (var day = 0; day < 4; day++)
        {
            emulator.AdvanceClock(TimeSpan.FromDays(89));
            await busy.SendAsync($"still here after {(day + 1) * 89} days");
        }

        Assert.Equal("thread_busy", busy.ThreadId);
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.GetAsync("thread_idle"));
        emulator.AdvanceClock(TimeSpan.FromDays(10));
        var pastAYear = await busy.SendAsync("a year on");
        Assert.Equal(ThreadReplacementReason.ThreadNotFound, pastAYear.Replacement!.Reason);
    }
}
