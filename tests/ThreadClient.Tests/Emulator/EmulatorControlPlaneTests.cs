using System.Net;
using System.Text.Json.Nodes;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;

namespace ThreadClient.Tests.Emulator;

/// <summary>Every verb of the control plane under <c>/_emulator/</c>, driven over HTTP as a client in another language drives it.</summary>
public sealed class EmulatorControlPlaneTests
{
    [Fact]
    public async Task A_status_fault_with_headers_and_body_answers_the_next_matching_requests_then_stops()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var queued = await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/chat/completions","status":429,"headers":{"Retry-After":"7"},"body":{"error":{"message":"slow down","type":"rate_limit","code":429}},"times":2}""");
        var first = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("a"));
        var second = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("b"));
        var third = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("c"));

        Assert.Equal(("Status", 2), (queued["kind"]!.GetValue<string>(), queued["times"]!.GetValue<int>()));
        Assert.Equal((HttpStatusCode.TooManyRequests, "7", "slow down"), (first.Status, first.Response.Headers.RetryAfter!.ToString(), first.Body!["error"]!["message"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task A_status_fault_without_a_body_answers_in_the_providers_own_envelope()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/v1/model/response","status":503}""");

        var (status, body, _) = await wire.SendAsync("POST", "v1/model/response", EmulatorWire.Model("x"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal((false, "INJECTED", 503), (body!["success"]!.GetValue<bool>(), body["error"]!["code"]!.GetValue<string>(), body["error"]!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_drop_fault_closes_the_connection_and_the_sdk_sees_a_connection_failure()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        using var client = Client(emulator, configure: o => o.Resilience.MaxRetries = 0);
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/chat/completions","drop":true}""");

        await Assert.ThrowsAsync<ThreadsConnectionException>(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("x")] }));
    }

    [Fact]
    public async Task A_cut_after_events_fault_breaks_a_stream_after_that_many_events()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        using var client = Client(emulator, configure: o => o.Resilience.MaxRetries = 0);
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/chat/completions","cut_after_events":2}""");
        var deltas = new List<string>();

        var broken = await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = [ChatMessage.User("a fairly long question")] }))
            {
                deltas.Add(chunk.Choices[0].Delta!.Content!.Text);
            }
        });

        // At most the two events sent before the cut arrive (a reset can discard ones the client had not read yet).
        Assert.InRange(deltas.Count, 0, 2);
        Assert.Equal(string.Concat(deltas), broken.PartialText ?? "");
        Assert.Equal(1, emulator.Requests.Count(r => r.Path == "/chat/completions"));
    }

    [Fact]
    public async Task A_delay_fault_waits_on_the_emulators_clock_and_heartbeats_come_before_a_stream()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"GET","path":"/v1/threads","delay_ms":5000}""");

        var call = wire.SendAsync("GET", "v1/threads");
        await TrackingTimeProvider.WaitUntilAsync(() => clock.PendingTimers >= 1, "the delayed request waits on the clock");
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await call).Status);

        await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/v1/model/response","heartbeats":2,"interval_ms":0}""");
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", "k");
        var stream = await http.PostAsync("v1/model/response", new StringContent(EmulatorWire.Model("x", ""","stream":true""")));
        var text = await stream.Content.ReadAsStringAsync();
        Assert.StartsWith("event: response.heartbeat\ndata: {\"event\":\"response.heartbeat\"}\n\nevent: response.heartbeat\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_faults_clears_every_queued_one()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"POST","path":"/chat/completions","status":500,"times":5}""");

        var (cleared, _, _) = await wire.SendAsync("DELETE", "_emulator/faults");

        Assert.Equal(HttpStatusCode.NoContent, cleared);
        Assert.Equal(HttpStatusCode.OK, (await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x"))).Status);
    }

    [Theory]
    [InlineData("""{"path":"/chat/completions","status":500}""", "method")]
    [InlineData("""{"method":"POST","status":500}""", "path")]
    [InlineData("""{"method":"POST","path":"/x"}""", "exactly one of")]
    [InlineData("""{"method":"POST","path":"/x","status":500,"drop":true}""", "exactly one of")]
    [InlineData("""{"method":"POST","path":"/x","status":"500"}""", "status must be a whole number")]
    [InlineData("""{"method":"POST","path":"/x","status":500,"times":-1}""", "times must be a whole number")]
    [InlineData("""{"method":"POST","path":"/x","status":500,"headers":{"Retry-After":1}}""", "headers.Retry-After must be a string")]
    [InlineData("""[1]""", "body must be a JSON object")]
    [InlineData("""{"method":""", "")]
    public async Task A_bad_fault_is_a_400_that_says_what_is_wrong_and_queues_nothing(string json, string says)
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var (status, body, _) = await wire.SendAsync("POST", "_emulator/faults", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(says, body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x"))).Status);
    }

    [Fact]
    public async Task Expiring_a_perplexity_thread_over_http_makes_the_sdk_session_fall_back_visibly()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        using var client = Client(emulator);
        var session = client.Perplexity.StartSession();
        await session.SendAsync("first");

        var (expired, _, _) = await wire.SendAsync("POST", $"_emulator/perplexity/threads/{session.ThreadId}/expire");
        var (again, _, _) = await wire.SendAsync("POST", $"_emulator/perplexity/threads/{session.ThreadId}/expire");
        var reply = await session.SendAsync("second");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (expired, again));
        Assert.Equal(ThreadReplacementReason.ThreadNotFound, reply.Replacement!.Reason);
    }

    [Fact]
    public async Task Expiring_an_aitronos_thread_over_http_makes_it_gone_everywhere()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("hi", ""","thread":"thread_x" """));

        var (expired, _, _) = await wire.SendAsync("POST", "_emulator/aitronos/threads/thread_x/expire");
        var get = await wire.SendAsync("GET", "v1/threads/thread_x");
        var use = await wire.SendAsync("POST", "v1/model/response", EmulatorWire.Model("again", ""","thread":"thread_x" """));

        Assert.Equal(HttpStatusCode.NoContent, expired);
        Assert.Equal((HttpStatusCode.NotFound, "THREAD_NOT_FOUND"), (get.Status, get.Body!["error"]!["code"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.NotFound, "THREAD_NOT_FOUND"), (use.Status, use.Body!["error"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Advancing_the_clock_over_http_reaches_the_inactivity_limits_of_both_providers()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        var started = emulator.UtcNow;
        var thread = (await wire.OkAsync("POST", "chat/completions", EmulatorWire.Chat("hi", ""","use_threads":true""")))["thread_id"]!.GetValue<string>();
        await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("hi", ""","thread":"thread_idle" """));

        var advanced = await wire.OkAsync("POST", "_emulator/clock/advance", """{"seconds":3600}""");
        var perplexity = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("again", $$""","use_threads":true,"thread_id":"{{thread}}" """));
        var stillThere = await wire.SendAsync("GET", "v1/threads/thread_idle");
        await wire.OkAsync("POST", "_emulator/clock/advance", """{"seconds":7776000}""");
        var gone = await wire.SendAsync("GET", "v1/threads/thread_idle");

        Assert.True(DateTimeOffset.Parse(advanced["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) - started >= TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NotFound, perplexity.Status);
        Assert.Equal(HttpStatusCode.OK, stillThere.Status);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await wire.SendAsync("POST", "_emulator/clock/advance", """{"seconds":"60"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await wire.SendAsync("POST", "_emulator/clock/advance", """{"seconds":-1}""")).Status);
    }

    [Fact]
    public async Task The_switches_turn_threading_off_and_retire_chat_completions_and_the_status_shows_them()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);

        var off = await wire.OkAsync("PUT", "_emulator/perplexity/threading", """{"enabled":false}""");
        var threaded = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x", ""","use_threads":true"""));
        await wire.OkAsync("PUT", "_emulator/perplexity/threading", """{"enabled":true}""");
        var retired = await wire.OkAsync("PUT", "_emulator/perplexity/chat-completions", """{"retired":true}""");
        var refused = await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x"));
        var status = await wire.OkAsync("GET", "_emulator");

        Assert.False(off["perplexity"]!["threading_enabled"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (threaded.Status, threaded.Body!["error"]!["type"]!.GetValue<string>()));
        Assert.True(retired["perplexity"]!["chat_completions_retired"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.Forbidden, "chat_completions_not_available"), (refused.Status, refused.Body!["error"]!["type"]!.GetValue<string>()));
        Assert.True(emulator.PerplexityChatCompletionsRetired);
        Assert.Equal(emulator.BaseAddress.ToString(), status["base_addresses"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await wire.SendAsync("PUT", "_emulator/perplexity/threading", """{"enabled":"no"}""")).Status);
    }

    [Fact]
    public async Task The_request_log_lists_provider_requests_only_and_reset_returns_the_emulator_to_its_start()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var wire = new EmulatorWire(emulator);
        await wire.OkAsync("POST", "v1/model/response", EmulatorWire.Model("kept", ""","thread":"thread_r" """));
        await wire.SendAsync("GET", "v1/threads?limit=5");
        await wire.OkAsync("POST", "_emulator/faults", """{"method":"GET","path":"/v1/threads","status":500}""");
        await wire.OkAsync("POST", "_emulator/clock/advance", """{"seconds":600}""");
        await wire.OkAsync("PUT", "_emulator/perplexity/chat-completions", """{"retired":true}""");

        var log = (await wire.OkAsync("GET", "_emulator/requests"))["data"]!.AsArray();
        var (reset, _, _) = await wire.SendAsync("POST", "_emulator/reset");
        var afterReset = await wire.SendAsync("GET", "v1/threads/thread_r");

        Assert.Equal(["POST /v1/model/response", "GET /v1/threads"], log.Select(r => $"{r!["method"]} {r["path"]}"));
        Assert.Equal("?limit=5", log[1]!["query"]!.GetValue<string>());
        Assert.Contains("kept", log[0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, reset);
        Assert.Equal(HttpStatusCode.NotFound, afterReset.Status);
        Assert.False(emulator.PerplexityChatCompletionsRetired);
        Assert.True(emulator.UtcNow - DateTimeOffset.UtcNow < TimeSpan.FromMinutes(1));
        Assert.Equal(["GET /v1/threads/thread_r"], emulator.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(HttpStatusCode.OK, (await wire.SendAsync("POST", "chat/completions", EmulatorWire.Chat("x"))).Status);
    }

    [Fact]
    public async Task An_unknown_control_route_is_a_404_that_points_to_the_list_and_the_control_plane_can_be_switched_off()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        await using var quiet = await ThreadsEmulator.StartAsync(new EmulatorOptions { ControlPlane = false });
        using var wire = new EmulatorWire(emulator);
        using var quietWire = new EmulatorWire(quiet);

        var (status, body, _) = await wire.SendAsync("POST", "_emulator/nonsense");
        var (off, _, _) = await quietWire.SendAsync("POST", "_emulator/reset");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("GET /_emulator", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, off);
        Assert.Single(quiet.Requests);
    }

    [Fact]
    public async Task The_in_process_members_the_control_plane_calls_refuse_bad_arguments_by_name()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();

        Assert.Equal("by", Assert.Throws<ArgumentOutOfRangeException>(() => emulator.AdvanceClock(TimeSpan.FromSeconds(-1))).ParamName);
        Assert.Equal("threadId", Assert.Throws<ArgumentNullException>(() => emulator.ExpireAitronosThread(null!)).ParamName);
        Assert.False(emulator.ExpireAitronosThread("never_existed"));
    }
}
