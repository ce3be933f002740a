using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosLifecycleTests
{
    public static TheoryData<ThreadLifecycleState, string, string> Allowed => new()
    {
        { ThreadLifecycleState.Open, "lock", "locked" },
        { ThreadLifecycleState.Locked, "unlock", "open" },
        { ThreadLifecycleState.Open, "archive", "archived" },
        { ThreadLifecycleState.Locked, "archive", "archived" },
    };

    public static TheoryData<ThreadLifecycleState, string, string> Refused => new()
    {
        { ThreadLifecycleState.Archived, "lock", "archived, which is permanent" },
        { ThreadLifecycleState.Archived, "unlock", "archived, which is permanent" },
        { ThreadLifecycleState.Archived, "archive", "archived, which is permanent" },
        { ThreadLifecycleState.Locked, "lock", "already locked" },
        { ThreadLifecycleState.Open, "unlock", "already open" },
    };

    private static Task<AitronosThread> Act(ThreadsClient client, AitronosThread thread, string action) => action switch
    {
        "lock" => client.Aitronos.Threads.LockAsync(thread),
        "unlock" => client.Aitronos.Threads.UnlockAsync(thread),
        _ => client.Aitronos.Threads.ArchiveAsync(thread),
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Allowed_transition_is_sent_as_a_state_patch(ThreadLifecycleState from, string action, string wire)
    {
        var handler = new RecordingHandler(RecordingHandler.Json($$"""{"id":"th_1","state":"{{wire}}"}"""));
        using var client = RecordingHandler.CreateClient(handler);

        var updated = await Act(client, new AitronosThread { Id = "th_1", State = from }, action);

        Assert.Equal($$"""{"state":"{{wire}}"}""", handler.OnlyRequest.Body);
        Assert.Equal(HttpMethod.Patch, handler.OnlyRequest.Method);
        Assert.Equal(Enum.Parse<ThreadLifecycleState>(wire, ignoreCase: true), updated.State);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Forbidden_transition_is_refused_before_sending(ThreadLifecycleState from, string action, string message)
    {
        var handler = new RecordingHandler(RecordingHandler.Json("{}"));
        using var client = RecordingHandler.CreateClient(handler);

        var ex = await Assert.ThrowsAsync<ThreadTransitionException>(() => Act(client, new AitronosThread { Id = "th_1", State = from }, action));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(from, ex.From);
        Assert.True(handler.Requests.IsEmpty);
    }

    [Fact]
    public async Task By_id_the_service_decides_and_its_refusal_is_ThreadNotWritable()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(
            """{"success":false,"error":{"code":"THREAD_ARCHIVED","message":"Thread is archived","type":"conflict","status":409,"trace_id":"tr_9"}}""",
            HttpStatusCode.Conflict));
        using var client = RecordingHandler.CreateClient(handler);

        var ex = await Assert.ThrowsAsync<ThreadNotWritableException>(() => client.Aitronos.Threads.LockAsync("th_1"));

        Assert.Equal("THREAD_ARCHIVED", ex.ErrorCode);
        Assert.Equal("tr_9", ex.RequestId);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Sending_to_a_locked_thread_is_ThreadNotWritable_when_the_code_says_so()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(
            """{"success":false,"error":{"code":"THREAD_LOCKED","message":"Thread is locked","type":"forbidden","status":403}}""",
            HttpStatusCode.Forbidden));
        using var client = RecordingHandler.CreateClient(handler);

        await Assert.ThrowsAsync<ThreadNotWritableException>(() =>
            client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Thread = "th_1", Inputs = { AitronosInput.User("x") } }));
    }

    [Fact]
    public async Task Patch_answered_204_reports_the_state_asked_for()
    {
        var handler = new RecordingHandler(new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = RecordingHandler.CreateClient(handler);

        var updated = await client.Aitronos.Threads.LockAsync("th_1");

        Assert.Equal(("th_1", ThreadLifecycleState.Locked), (updated.Id, updated.State));
    }

    [Fact]
    public void The_rules_match_the_documents_diagram()
    {
        var states = Enum.GetValues<ThreadLifecycleState>().Where(s => s != ThreadLifecycleState.Unknown).ToArray();
        var allowed = states.SelectMany(from => states.Where(to => ThreadLifecycle.CanTransition(from, to)).Select(to => $"{from}->{to}")).ToArray();

        Assert.Equal(["Open->Locked", "Open->Archived", "Locked->Open", "Locked->Archived"], allowed);
    }
}
