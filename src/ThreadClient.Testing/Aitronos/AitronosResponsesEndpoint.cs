using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Aitronos;

/// <summary>
/// <c>POST /v1/model/response</c> as seed 001 describes it: <c>thread</c> by id or with metadata (created on
/// first use; a deleted or expired id answers 404), no <c>thread</c> and no chain creates a thread,
/// <c>threadState</c>, <c>store</c> (false hides a new thread), <c>previousResponseId</c> chaining (24 h,
/// never with <c>thread</c>, no thread created), locked and archived threads refusing messages, the message
/// limit, and streamed events. Both field namings are read; a field of the wrong type is an
/// <see cref="EmulatorInputException"/>.
/// </summary>
internal sealed class AitronosResponsesEndpoint
{
    public const string Path = "/v1/model/response";

    private readonly AitronosStore _store;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;

    public AitronosResponsesEndpoint(AitronosStore store, EmulatorOptions options, TimeProvider clock)
    {
        _store = store;
        _options = options;
        _clock = clock;
    }

    private sealed record Refusal(int Status, string Code, string Message, string Type);

    private sealed record Request(string Model, List<(string Role, string Text)> Inputs, JsonNode? Thread, bool Store, string? State, string? PreviousResponseId, bool Stream);

    public Task HandleAsync(HttpContext context, JsonObject? body, EmulatorFault? fault)
    {
        var request = Read(body);
        JsonObject response;
        string reply;
        Refusal? refusal;
        lock (_store.Gate)
        {
            refusal = Process(request, out response, out reply);
        }

        if (refusal is not null)
        {
            return EmulatorHttp.AitronosErrorAsync(context, refusal.Status, refusal.Code, refusal.Message, refusal.Type);
        }

        if (request.Stream)
        {
            var heartbeat = EmulatorHttp.Frame("""{"event":"response.heartbeat"}""", "response.heartbeat");
            return EmulatorHttp.StreamAsync(context, fault, _clock, heartbeat, Frames(response, reply));
        }

        return EmulatorHttp.JsonAsync(context, 200, _options.AitronosReplyShape switch
        {
            AitronosReplyShape.EventArray => EventArray(response, reply),
            AitronosReplyShape.SuccessEnvelope => new JsonObject { ["success"] = true, ["data"] = EventArray(response, reply) },
            _ => response,
        });
    }

    /// <summary>The deployed Freddy API's answer without <c>stream</c>: the stream's events, as a JSON array.</summary>
    private JsonArray EventArray(JsonObject response, string reply)
    {
        var threadId = response["thread_id"]?.GetValue<string>();
        JsonNode? Thread() => long.TryParse(threadId, out var number) ? number : threadId;
        var events = new JsonArray(
            new JsonObject { ["event"] = "response.created", ["status"] = "in_progress", ["type"] = "text", ["threadId"] = Thread() },
            new JsonObject { ["event"] = "response.in_progress", ["status"] = "in_progress", ["type"] = "text", ["threadId"] = Thread() });
        foreach (var piece in EmulatorHttp.Pieces(reply, _options.StreamPieceLength))
        {
            events.Add((JsonNode)new JsonObject { ["event"] = "response.output_text.delta", ["response"] = piece, ["type"] = "text", ["threadId"] = Thread() });
        }

        events.Add((JsonNode)new JsonObject
        {
            ["event"] = "response.completed",
            ["status"] = "completed",
            ["response"] = reply,
            ["type"] = "text",
            ["time"] = "12 ms",
            ["threadId"] = Thread(),
            ["isDocument"] = false,
            ["userMessageId"] = _store.Next(),
            ["responseMessageId"] = _store.Next(),
            ["annotations"] = new JsonArray(),
        });
        return events;
    }

    private static Request Read(JsonObject? body)
    {
        var inputs = EmulatorInput.Array(body, "inputs") ?? [];
        var thread = EmulatorInput.Field(body, "thread") ?? ThreadId(EmulatorInput.Field(body, "thread_id"));
        if (thread is not null and not JsonObject && thread.GetValueKind() != JsonValueKind.String)
        {
            throw new EmulatorInputException("thread", "a thread id string or an object with id and metadata");
        }

        return new Request(
            EmulatorInput.String(body, "model") ?? "",
            inputs.Select(Input).ToList(),
            thread,
            EmulatorInput.Boolean(body, "store") ?? true,
            EmulatorInput.String(body, "threadState") ?? EmulatorInput.String(body, "thread_state"),
            EmulatorInput.String(body, "previousResponseId") ?? EmulatorInput.String(body, "previous_response_id"),
            EmulatorInput.Boolean(body, "stream") == true);
    }

    /// <summary>The deployed Freddy API's <c>thread_id</c>, a string or a number, as the thread's id.</summary>
    private static JsonNode? ThreadId(JsonNode? id) => id switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.DeepClone(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
        _ => throw new EmulatorInputException("thread_id", "a thread id (a string or a number)"),
    };

    private Refusal? Process(Request request, out JsonObject response, out string reply)
    {
        response = [];
        reply = "";
        var (model, inputs, previous, requestedState) = (request.Model, request.Inputs, request.PreviousResponseId, request.State);
        if (model.Length == 0 || inputs.Count == 0)
        {
            return new(400, "INVALID_REQUEST", "model and a non-empty inputs array are required.", "invalid_request");
        }

        var now = _clock.GetUtcNow();
        if (request.Thread is not null && previous is not null)
        {
            return new(400, "INVALID_REQUEST", "thread and previousResponseId cannot be combined.", "invalid_request");
        }

        List<string> history = [];
        EmulatedThread? thread = null;
        if (previous is not null)
        {
            if (!_store.Responses.TryGetValue(previous, out var earlierResponse))
            {
                return new(404, "RESPONSE_NOT_FOUND", "The previous response was not found.", "not_found");
            }

            if (now - earlierResponse.CreatedAt >= _options.PreviousResponseMaxAge)
            {
                return new(400, "PREVIOUS_RESPONSE_EXPIRED", "The previous response is older than 24 hours.", "invalid_request");
            }

            history = earlierResponse.Context;
        }
        else
        {
            var refusal = request.Thread is null
                ? Check(thread = _store.Create(NewThreadId(), now, null, visible: request.Store), requestedState, inputs.Count)
                : Thread(request.Thread, request.Store, requestedState, inputs.Count, now, out thread);
            if (refusal is not null)
            {
                return refusal;
            }

            history = thread!.UserTurns.ToList();
        }

        var users = inputs.Where(i => i.Role == "user").Select(i => i.Text).ToList();
        List<string> earlier = [.. history, .. users.Take(users.Count - 1)];
        var id = EmulatorHttp.Id("resp_", _store.Next());
        reply = EmulatorReplies.Reply(users.Count > 0 ? users[^1] : "", earlier);
        if (thread is not null)
        {
            foreach (var (role, text) in inputs)
            {
                thread.Messages.Add((EmulatorHttp.Id("msg_", _store.Next()), role, text, now));
            }

            thread.Messages.Add((EmulatorHttp.Id("msg_", _store.Next()), "assistant", reply, now));
            thread.State = requestedState ?? thread.State;
            thread.UpdatedAt = now;
        }

        _store.Responses[id] = (now, [.. earlier, .. users.TakeLast(1)]);
        response = new JsonObject
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = EmulatorHttp.Unix(now),
            ["model"] = model,
            ["status"] = "completed",
            ["thread_id"] = thread?.Id,
            ["output"] = new JsonArray(new JsonObject
            {
                ["type"] = "message",
                ["role"] = "assistant",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = reply }),
            }),
            ["usage"] = new JsonObject { ["input_tokens"] = EmulatorHttp.Words(users), ["output_tokens"] = EmulatorHttp.Words([reply]), ["total_tokens"] = EmulatorHttp.Words(users) + EmulatorHttp.Words([reply]) },
        };
        return null;
    }

    /// <summary>A thread the emulator names: <c>thread_...</c>, or, as the deployed Freddy API, a number.</summary>
    private string? NewThreadId() =>
        _options.AitronosReplyShape == AitronosReplyShape.Seed ? null : (356_000 + _store.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Refusal? Thread(JsonNode threadNode, bool store, string? requestedState, int newMessages, DateTimeOffset now, out EmulatedThread? thread)
    {
        var (id, metadata) = threadNode is JsonObject json
            ? (EmulatorInput.String(json, "id", "thread.id"), EmulatorInput.Object(json, "metadata", "thread.metadata"))
            : (threadNode.GetValue<string>(), null);
        thread = null;
        if (string.IsNullOrEmpty(id))
        {
            return new(400, "INVALID_REQUEST", "thread needs an id.", "invalid_request");
        }

        if (metadata is not null && EmulatorHttp.Utf8Length(metadata) > _options.MaxMetadataBytes)
        {
            return new(400, "METADATA_TOO_LARGE", $"Metadata is limited to {_options.MaxMetadataBytes} bytes.", "invalid_request");
        }

        thread = _store.Find(id);
        if (thread is null && _store.Gone.Contains(id))
        {
            return new(404, "THREAD_NOT_FOUND", "Thread not found: it was deleted or has expired.", "not_found");
        }

        if (thread is null)
        {
            thread = _store.Create(id, now, metadata, visible: store);
        }
        else if (metadata is not null)
        {
            AitronosStore.Merge(thread, metadata);
        }

        return Check(thread, requestedState, newMessages);
    }

    private Refusal? Check(EmulatedThread thread, string? requestedState, int newMessages)
    {
        if (thread.State != "open")
        {
            return new(409, thread.State == "locked" ? "THREAD_LOCKED" : "THREAD_ARCHIVED", $"The thread is {thread.State} and accepts no new messages.", "conflict");
        }

        if (requestedState is not null && (requestedState is not ("open" or "locked" or "archived") || !EmulatedThread.CanMove(thread.State, requestedState)))
        {
            return new(400, "INVALID_THREAD_STATE", $"threadState {requestedState} is not allowed from {thread.State}.", "invalid_request");
        }

        if (thread.Messages.Count + newMessages + 1 > _options.MaxMessagesPerThread)
        {
            return new(400, "THREAD_MESSAGE_LIMIT", $"A thread holds at most {_options.MaxMessagesPerThread} messages.", "invalid_request");
        }

        return null;
    }

    private List<string> Frames(JsonObject response, string reply)
    {
        var id = response["id"]!.GetValue<string>();
        var threadId = response["thread_id"]?.GetValue<string>();
        var frames = new List<string> { EmulatorHttp.Frame(new JsonObject { ["event"] = "response.created", ["response_id"] = id, ["thread_id"] = threadId }.ToJsonString(EmulatorHttp.Relaxed), "response.created") };
        foreach (var piece in EmulatorHttp.Pieces(reply, _options.StreamPieceLength))
        {
            frames.Add(EmulatorHttp.Frame(new JsonObject { ["event"] = "response.content_delta", ["response_id"] = id, ["delta"] = piece }.ToJsonString(EmulatorHttp.Relaxed), "response.content_delta"));
        }

        var completed = new JsonObject { ["event"] = "response.completed", ["response_id"] = id, ["thread_id"] = threadId, ["response"] = response.DeepClone() };
        frames.Add(EmulatorHttp.Frame(completed.ToJsonString(EmulatorHttp.Relaxed), "response.completed"));
        frames.Add(EmulatorHttp.Frame("[DONE]"));
        return frames;
    }

    private static (string Role, string Text) Input(JsonNode? input, int index)
    {
        if (input is not JsonObject entry)
        {
            throw new EmulatorInputException($"inputs[{index}]", "an object");
        }

        var role = EmulatorInput.String(entry, "role", $"inputs[{index}].role") ?? "user";
        var name = entry.ContainsKey("texts") ? "texts" : "content";
        var text = EmulatorInput.Field(entry, name) switch
        {
            null => "",
            JsonArray parts => string.Concat(parts.Select((p, j) => EmulatorInput.String(p, "text", $"inputs[{index}].{name}[{j}].text") ?? "")),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw new EmulatorInputException($"inputs[{index}].{name}", "an array of text parts"),
        };
        return (role, text);
    }
}
