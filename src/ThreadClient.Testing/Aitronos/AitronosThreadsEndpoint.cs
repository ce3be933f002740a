using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Aitronos;

/// <summary><c>/v1/threads</c>: create, list (cursor paging, <c>visible_in_ui</c>), get, update metadata or state, delete, messages.</summary>
internal sealed class AitronosThreadsEndpoint
{
    public const string Path = "/v1/threads";

    private readonly AitronosStore _store;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;

    public AitronosThreadsEndpoint(AitronosStore store, EmulatorOptions options, TimeProvider clock)
    {
        _store = store;
        _options = options;
        _clock = clock;
    }

    public Task HandleAsync(HttpContext context, JsonObject? body)
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

    private Task CreateAsync(HttpContext context, JsonObject? body)
    {
        var metadata = EmulatorInput.Object(body, "metadata");
        if (metadata is not null && EmulatorHttp.Utf8Length(metadata) > _options.MaxMetadataBytes)
        {
            return EmulatorHttp.AitronosErrorAsync(context, 400, "METADATA_TOO_LARGE", $"Metadata is limited to {_options.MaxMetadataBytes} bytes.", "invalid_request");
        }

        lock (_store.Gate)
        {
            var thread = _store.Create(null, _clock.GetUtcNow(), metadata, visible: true);
            return EmulatorHttp.JsonAsync(context, 200, thread.ToJson());
        }
    }

    private Task ListThreadsAsync(HttpContext context)
    {
        var visibleText = context.Request.Query["visible_in_ui"].ToString();
        if (!TryFlag(visibleText, out var visible))
        {
            return EmulatorHttp.AitronosErrorAsync(context, 422, "VALIDATION_ERROR", $"visible_in_ui must be a boolean (true/false, True/False or 1/0); got {visibleText}.", "validation_error");
        }

        lock (_store.Gate)
        {
            var threads = _store.Live().Where(t => t.VisibleInUi == visible).OrderBy(t => t.Sequence).Select(t => (t.Id, Json: t.ToJson())).ToList();
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

    private Task UpdateAsync(HttpContext context, EmulatedThread thread, JsonObject? body)
    {
        var patch = EmulatorInput.Object(body, "metadata");
        if (EmulatorInput.String(body, "state") is { } state)
        {
            if (state is not ("open" or "locked" or "archived") || !EmulatedThread.CanMove(thread.State, state))
            {
                return EmulatorHttp.AitronosErrorAsync(context, 409, "INVALID_STATE_TRANSITION", $"A thread cannot go from {thread.State} to {state}.", "conflict");
            }

            thread.State = state;
        }

        if (patch is not null)
        {
            AitronosStore.Merge(thread, patch);
            if (EmulatorHttp.Utf8Length(thread.Metadata) > _options.MaxMetadataBytes)
            {
                return EmulatorHttp.AitronosErrorAsync(context, 400, "METADATA_TOO_LARGE", $"Metadata is limited to {_options.MaxMetadataBytes} bytes.", "invalid_request");
            }
        }

        thread.UpdatedAt = _clock.GetUtcNow();
        return EmulatorHttp.JsonAsync(context, 200, thread.ToJson());
    }

    private Task DeleteAsync(HttpContext context, EmulatedThread thread)
    {
        _store.Remove(thread.Id);
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task WithThread(HttpContext context, string id, Func<EmulatedThread, Task> action)
    {
        lock (_store.Gate)
        {
            return _store.Find(Uri.UnescapeDataString(id)) is { } thread
                ? action(thread)
                : EmulatorHttp.AitronosErrorAsync(context, 404, "THREAD_NOT_FOUND", "Thread not found.", "not_found");
        }
    }

    /// <summary>A query flag as the service accepts it: <c>true</c>/<c>True</c>/<c>1</c>, <c>false</c>/<c>False</c>/<c>0</c>; absent is true.</summary>
    private static bool TryFlag(string text, out bool value)
    {
        (var known, value) = text switch
        {
            "" or "true" or "True" or "1" => (true, true),
            "false" or "False" or "0" => (true, false),
            _ => (false, true),
        };
        return known;
    }
}
