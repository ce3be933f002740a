using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Aitronos;

/// <summary><c>/v1/threads</c>: create, list (cursor paging, <c>visible_in_ui</c>), get, update metadata or state, delete, messages.</summary>
internal sealed class AitronosThreadsEndpoint
{
    public const string Path = "/v1/threads";

    private readonly AitronosStore _store;
    private readonly EmulatorOptions _options;

    public AitronosThreadsEndpoint(AitronosStore store, EmulatorOptions options)
    {
        _store = store;
        _options = options;
    }

    public Task HandleAsync(HttpContext context, JsonNode? body)
    {
        var rest = context.Request.Path.Value![Path.Length..].Trim('/');
        var parts = rest.Length == 0 ? [] : rest.Split('/');
        var method = context.Request.Method;
        return (method, parts.Length) switch
        {
            ("POST", 0) => CreateAsync(context, body),
            ("GET", 0) => ListThreadsAsync(context),
            ("GET", 1) => WithThread(context, parts[0], t => EmulatorHttp.JsonAsync(context, 200, t.ToJson())),
            ("PATCH", 1) => WithThread(context, parts[0], t => UpdateAsync(context, t, body)),
            ("DELETE", 1) => WithThread(context, parts[0], t => DeleteAsync(context, t)),
            ("GET", 2) when parts[1] == "messages" => WithThread(context, parts[0], t => ListMessagesAsync(context, t)),
            _ => EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["detail"] = "Not Found" }),
        };
    }

    private Task CreateAsync(HttpContext context, JsonNode? body)
    {
        var metadata = body?["metadata"] as JsonObject;
        if (metadata is not null && metadata.ToJsonString().Length > _options.MaxMetadataBytes)
        {
            return EmulatorHttp.AitronosErrorAsync(context, 400, "METADATA_TOO_LARGE", $"Metadata is limited to {_options.MaxMetadataBytes} bytes.", "invalid_request");
        }

        lock (_store.Gate)
        {
            var thread = _store.Create(null, _options.TimeProvider.GetUtcNow(), metadata, visible: true);
            return EmulatorHttp.JsonAsync(context, 200, thread.ToJson());
        }
    }

    private Task ListThreadsAsync(HttpContext context)
    {
        var visible = context.Request.Query["visible_in_ui"].ToString() != "false";
        lock (_store.Gate)
        {
            var threads = _store.Threads.Values.Where(t => t.VisibleInUi == visible).OrderBy(t => t.Sequence).Select(t => (t.Id, Json: t.ToJson())).ToList();
            return PageAsync(context, threads, descendingByDefault: true);
        }
    }

    private static Task ListMessagesAsync(HttpContext context, EmulatedThread thread) =>
        PageAsync(context, thread.Messages.Select((m, i) => (m.Id, Json: thread.MessageJson(i))).ToList(), descendingByDefault: false);

    private static Task PageAsync(HttpContext context, List<(string Id, JsonObject Json)> items, bool descendingByDefault)
    {
        var query = context.Request.Query;
        var limitText = query["limit"].ToString();
        var limit = 20;
        if (limitText.Length > 0 && (!int.TryParse(limitText, out limit) || limit is < 1 or > 100))
        {
            return EmulatorHttp.AitronosErrorAsync(context, 400, "INVALID_LIMIT", "limit must be between 1 and 100.", "invalid_request");
        }

        var order = query["order"].ToString();
        if (order == "desc" || (order.Length == 0 && descendingByDefault))
        {
            items.Reverse();
        }

        var start = 0;
        if (query["after"].ToString() is { Length: > 0 } after)
        {
            start = items.FindIndex(i => i.Id == after) + 1;
        }

        var end = items.Count;
        if (query["before"].ToString() is { Length: > 0 } before && items.FindIndex(i => i.Id == before) is >= 0 and var stop)
        {
            end = stop;
        }

        var page = items.Skip(start).Take(Math.Min(limit, Math.Max(0, end - start))).ToList();
        var json = new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(page.Select(i => (JsonNode)i.Json).ToArray()),
            ["first_id"] = page.Count > 0 ? page[0].Id : null,
            ["last_id"] = page.Count > 0 ? page[^1].Id : null,
            ["has_more"] = start + page.Count < end,
        };
        return EmulatorHttp.JsonAsync(context, 200, json);
    }

    private Task UpdateAsync(HttpContext context, EmulatedThread thread, JsonNode? body)
    {
        if (body?["state"]?.GetValue<string>() is { } state)
        {
            if (state is not ("open" or "locked" or "archived") || !EmulatedThread.CanMove(thread.State, state))
            {
                return EmulatorHttp.AitronosErrorAsync(context, 409, "INVALID_STATE_TRANSITION", $"A thread cannot go from {thread.State} to {state}.", "conflict");
            }

            thread.State = state;
        }

        if (body?["metadata"] is JsonObject patch)
        {
            AitronosStore.Merge(thread, patch);
            if (thread.Metadata.ToJsonString().Length > _options.MaxMetadataBytes)
            {
                return EmulatorHttp.AitronosErrorAsync(context, 400, "METADATA_TOO_LARGE", $"Metadata is limited to {_options.MaxMetadataBytes} bytes.", "invalid_request");
            }
        }

        thread.UpdatedAt = _options.TimeProvider.GetUtcNow();
        return EmulatorHttp.JsonAsync(context, 200, thread.ToJson());
    }

    private Task DeleteAsync(HttpContext context, EmulatedThread thread)
    {
        _store.Threads.Remove(thread.Id);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task WithThread(HttpContext context, string id, Func<EmulatedThread, Task> action)
    {
        lock (_store.Gate)
        {
            return _store.Threads.TryGetValue(Uri.UnescapeDataString(id), out var thread)
                ? action(thread)
                : EmulatorHttp.AitronosErrorAsync(context, 404, "THREAD_NOT_FOUND", "Thread not found.", "not_found");
        }
    }
}
