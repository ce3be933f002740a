using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

/// <summary>End to end over real HTTP: a small stateful Aitronos stand-in on 127.0.0.1.</summary>
public sealed class AitronosLoopbackTests
{
    private sealed class FakeThread
    {
        public List<string> Messages { get; } = [];

        public string State { get; set; } = "open";

        public bool Visible { get; set; } = true;

        public string MetadataJson { get; set; } = "{}";
    }

    [Fact]
    public async Task Thread_conversation_listing_lock_and_refusal_over_real_http()
    {
        var threads = new Dictionary<string, FakeThread>();
        var keys = new List<string?>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            keys.Add(context.Request.Headers["X-API-Key"]);
            var path = context.Request.Path.Value!;
            context.Response.ContentType = "application/json";
            if (path == "/v1/model/response")
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                var root = body.RootElement;
                var thread = root.GetProperty("thread");
                var id = thread.ValueKind == JsonValueKind.String ? thread.GetString()! : thread.GetProperty("id").GetString()!;
                if (!threads.TryGetValue(id, out var state))
                {
                    threads[id] = state = new FakeThread { Visible = !root.TryGetProperty("store", out var store) || store.GetBoolean() };
                    if (thread.ValueKind == JsonValueKind.Object)
                    {
                        state.MetadataJson = thread.GetProperty("metadata").GetRawText();
                    }
                }

                if (state.State != "open")
                {
                    context.Response.StatusCode = 409;
                    await context.Response.WriteAsync("""{"success":false,"error":{"code":"THREAD_LOCKED","message":"locked"}}""");
                    return;
                }

                state.Messages.Add(root.GetProperty("inputs")[0].GetProperty("texts")[0].GetProperty("text").GetString()!);
                var reply = $"seen {state.Messages.Count}: {string.Join(" | ", state.Messages)}";
                state.Messages.Add(reply);
                await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["response_id"] = "r" + state.Messages.Count, ["threadId"] = id, ["response"] = reply }, TestJsonContext.Default.DictionaryStringString));
                return;
            }

            if (path == "/v1/threads" && context.Request.Method == "GET")
            {
                var visible = context.Request.Query["visible_in_ui"] != "false";
                var data = threads.Where(t => t.Value.Visible == visible).Select(t => $$"""{"id":"{{t.Key}}","state":"{{t.Value.State}}","metadata":{{t.Value.MetadataJson}}}""");
                await context.Response.WriteAsync($$"""{"data":[{{string.Join(",", data)}}],"has_more":false}""");
                return;
            }

            var threadId = path["/v1/threads/".Length..];
            using var patch = await JsonDocument.ParseAsync(context.Request.Body);
            threads[threadId].State = patch.RootElement.GetProperty("state").GetString()!;
            await context.Response.WriteAsync($$"""{"id":"{{threadId}}","state":"{{threads[threadId].State}}"}""");
        });

        using var client = new ThreadsClient(new ThreadsClientOptions { Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = server.BaseAddress } });
        var ticket = ThreadReference.WithMetadata("support_u1_t9", new ThreadMetadata { ["userId"] = "u1", ["ticketId"] = "t9" });

        var first = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = ticket, Inputs = { AitronosInput.User("My invoice is wrong") } });
        var second = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "support_u1_t9", Inputs = { AitronosInput.User("Number 42") } });
        await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "bg_1", Store = false, Inputs = { AitronosInput.User("Title?") } });

        Assert.Equal("seen 1: My invoice is wrong", first.OutputText);
        Assert.Equal("seen 3: My invoice is wrong | seen 1: My invoice is wrong | Number 42", second.OutputText);
        Assert.Equal("support_u1_t9", second.ThreadId);

        var visible = new List<AitronosThread>();
        await foreach (var t in client.Aitronos.Threads.ListAsync())
        {
            visible.Add(t);
        }

        var hidden = await client.Aitronos.Threads.ListPageAsync(new ListThreadsOptions { VisibleInUi = false });
        var listed = Assert.Single(visible);
        Assert.Equal(("support_u1_t9", "t9"), (listed.Id, listed.Metadata["ticketId"].ToString()));
        Assert.Equal("bg_1", Assert.Single(hidden.Data).Id);

        var locked = await client.Aitronos.Threads.LockAsync(listed);
        Assert.Equal(ThreadLifecycleState.Locked, locked.State);
        await Assert.ThrowsAsync<ThreadNotWritableException>(() =>
            client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "support_u1_t9", Inputs = { AitronosInput.User("Hello?") } }));
        await Assert.ThrowsAsync<ThreadTransitionException>(() => client.Aitronos.Threads.LockAsync(locked));
        Assert.All(keys, k => Assert.Equal(TestKeys.Aitronos, k));
    }
}
