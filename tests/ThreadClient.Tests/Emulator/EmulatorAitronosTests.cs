using ThreadClient.Aitronos;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;

namespace ThreadClient.Tests.Emulator;

/// <summary>The SDK end to end against the emulator: Aitronos threads, lifecycle, chains and faults.</summary>
public sealed class EmulatorAitronosTests
{
    [Fact]
    public async Task A_support_thread_with_metadata_lives_through_its_lifecycle()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var session = client.Aitronos.ResumeSession("support_u1_t9", new AitronosSessionOptions
        {
            Metadata = new ThreadMetadata { ["userId"] = "u1", ["ticketId"] = "t9" },
        });

        await session.SendAsync("My invoice is wrong");
        var second = await session.SendAsync("It was charged twice");
        var thread = await client.Aitronos.Threads.GetAsync("support_u1_t9");

        Assert.Equal(["My invoice is wrong"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Equal((ThreadLifecycleState.Open, 4L), (thread.State, thread.MessageCount));
        Assert.Equal("u1", thread.Metadata["userId"].ToString());

        var locked = await client.Aitronos.Threads.LockAsync(thread);
        await Assert.ThrowsAsync<ThreadNotWritableException>(() => session.SendAsync("hello?"));
        await client.Aitronos.Threads.UnlockAsync(locked);
        await session.SendAsync("Thanks");
        var archived = await client.Aitronos.Threads.ArchiveAsync("support_u1_t9");
        Assert.Equal(ThreadLifecycleState.Archived, archived.State);
        await Assert.ThrowsAsync<ThreadTransitionException>(() => client.Aitronos.Threads.UnlockAsync(archived));

        var messages = new List<AitronosMessage>();
        await foreach (var message in client.Aitronos.Threads.ListMessagesAsync("support_u1_t9", new ListOptions { Limit = 2 }))
        {
            messages.Add(message);
        }

        Assert.Equal(["user", "assistant", "user", "assistant", "user", "assistant"], messages.Select(m => m.Role));
        Assert.Equal("My invoice is wrong", messages[0].Text);
        Assert.True(emulator.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)) >= 3);
    }

    [Fact]
    public async Task Background_threads_with_store_false_are_hidden_from_the_default_list()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        await client.Aitronos.ResumeSession("visible_1").SendAsync("hi");
        await client.Aitronos.ResumeSession("hidden_1", new AitronosSessionOptions { Store = false }).SendAsync("background job");
        var created = await client.Aitronos.Threads.CreateAsync(new ThreadMetadata { ["kind"] = "explicit" });

        var visible = new List<string>();
        await foreach (var thread in client.Aitronos.Threads.ListAsync(new ListThreadsOptions { Limit = 1 }))
        {
            visible.Add(thread.Id);
        }

        var hidden = new List<string>();
        await foreach (var thread in client.Aitronos.Threads.ListAsync(new ListThreadsOptions { VisibleInUi = false }))
        {
            hidden.Add(thread.Id);
        }

        Assert.Equal([created.Id, "visible_1"], visible);
        Assert.Equal(["hidden_1"], hidden);
        Assert.True(await client.Aitronos.Threads.DeleteAsync("visible_1"));
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.GetAsync("visible_1"));
    }

    [Fact]
    public async Task A_chain_carries_context_and_restarts_when_the_service_rejects_an_old_previous_response()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = Client(emulator, clock);
        var trusting = client.Aitronos.StartChain(new ResponseChainOptions { Limits = SessionLimits.None, Store = false });

        await trusting.SendAsync("Hello");
        var second = await trusting.SendAsync("Tell me more");
        Assert.Equal(["Hello"], EmulatorReplies.EarlierTurns(second.Text));

        clock.Advance(TimeSpan.FromHours(25));
        var restarted = await trusting.SendAsync("Still there?");

        Assert.Equal(ThreadReplacementReason.PreviousResponseUnavailable, restarted.Replacement!.Reason);
        Assert.Empty(EmulatorReplies.EarlierTurns(restarted.Text));
        Assert.DoesNotContain("\"thread\"", string.Concat(emulator.Requests.Select(r => r.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_for_by_the_clients_clock_and_then_succeeds()
    {
        var clock = new TrackingTimeProvider();
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = Client(emulator, clock, o => o.Resilience = new ThreadClient.Http.ResilienceOptions());
        emulator.Faults.Enqueue("POST", "/v1/model/response", EmulatorFault.Status(429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var call = client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "t1", Inputs = { AitronosInput.User("hi") } });
        var waited = await clock.AdvanceToNextTimerAsync(TimeSpan.FromSeconds(5));
        var response = await call;

        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
        Assert.Equal("Echo: hi [earlier: ]", response.OutputText);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_paid_post_is_not_re_sent_and_heartbeats_keep_a_stream_alive()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        emulator.Faults.Enqueue("POST", "/v1/model/response", EmulatorFault.DropConnection());

        await Assert.ThrowsAsync<ThreadsConnectionException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Thread = "t1", Inputs = { AitronosInput.User("hi") } }));
        Assert.Single(emulator.Requests);

        emulator.Faults.Enqueue("POST", "/v1/model/response", EmulatorFault.Heartbeats(2, TimeSpan.FromMilliseconds(20)));
        var events = new List<AitronosStreamEventKind>();
        await foreach (var item in client.Aitronos.StreamResponseAsync(new AitronosResponseRequest { Model = "m", Thread = "t1", Inputs = { AitronosInput.User("again") } }))
        {
            events.Add(item.Kind);
        }

        Assert.Equal(2, events.Count(k => k == AitronosStreamEventKind.Heartbeat));
        Assert.Equal(AitronosStreamEventKind.Completed, events[^1]);
    }
}
