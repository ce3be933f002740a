using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// Perplexity's Agent API as WIRE.md §4 and the official SDK's types describe it: <c>POST /v1/responses</c>
/// (and its alias <c>/v1/agent</c>), streamed or not, <c>GET /v1/responses/{id}</c> and
/// <c>POST /v1/responses/{id}/cancel</c>. It keeps no thread: a reply's <c>[earlier: ...]</c> lists the
/// user turns the request itself replayed, plus, when <see cref="EmulatorOptions.AgentHonoursPreviousResponseId"/>
/// is on, those of the <c>previous_response_id</c> chain (off by default: Perplexity documents it as a no-op).
/// </summary>
internal sealed class AgentEndpoint
{
    public const string ResponsesPath = "/v1/responses";
    public const string AgentPath = "/v1/agent";
    private const string DefaultModel = "perplexity/sonar";

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, StoredResponse> _responses = new(StringComparer.Ordinal);
    private long _ids;

    public AgentEndpoint(EmulatorOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
    }

    public void Reset()
    {
        lock (_responses)
        {
            _responses.Clear();
        }
    }

    public static bool Serves(string path) =>
        path == AgentPath || path == ResponsesPath || path.StartsWith(ResponsesPath + "/", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context, string path, JsonObject? body, EmulatorFault? fault)
    {
        var method = context.Request.Method;
        if (method == "POST" && (path == AgentPath || path == ResponsesPath))
        {
            return CreateAsync(context, body, fault);
        }

        var rest = path.Length > ResponsesPath.Length + 1 ? path[(ResponsesPath.Length + 1)..] : "";
        var parts = rest.Split('/');
        return (method, parts) switch
        {
            ("GET", [var id]) => GetAsync(context, id),
            ("POST", [var id, "cancel"]) => CancelAsync(context, id),
            _ => EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["detail"] = "Not Found" }),
        };
    }

    private async Task CreateAsync(HttpContext context, JsonObject? request, EmulatorFault? fault)
    {
        if (request is null)
        {
            await UnprocessableAsync(context, ["body"], "Input should be a valid dictionary or object", "dict_type").ConfigureAwait(false);
            return;
        }

        if (!TryReadUsers(request["input"], out var users, out var problem))
        {
            await UnprocessableAsync(context, ["body", "input"], problem, "value_error").ConfigureAwait(false);
            return;
        }

        var models = EmulatorInput.Array(request, "models");
        var stream = EmulatorInput.Boolean(request, "stream") == true;
        var stored = EmulatorInput.Boolean(request, "store") != false;
        var background = EmulatorInput.Boolean(request, "background") == true;
        var model = EmulatorInput.String(request, "model") ?? (models is { Count: > 0 } ? Text(models[0]) ?? throw new EmulatorInputException("models[0]", "a string") : null) ?? DefaultModel;
        if (models is { Count: > 5 })
        {
            await EmulatorHttp.PerplexityErrorAsync(context, 400, "models accepts at most 5 entries.", "invalid_request_error").ConfigureAwait(false);
            return;
        }

        var previousId = EmulatorInput.String(request, "previous_response_id");
        List<string>? chain = [];
        if (previousId is not null && _options.AgentHonoursPreviousResponseId)
        {
            lock (_responses)
            {
                chain = _responses.TryGetValue(previousId, out var previous) && !previous.Cancelled ? [.. previous.Users] : null;
            }

            if (chain is null)
            {
                await EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["error"] = new JsonObject { ["message"] = $"Response {previousId} not found (previous_response_id).", ["type"] = "not_found_error", ["code"] = "response_not_found" } }).ConfigureAwait(false);
                return;
            }
        }

        var last = users[^1];
        var reply = EmulatorReplies.Reply(last, [.. chain, .. users.Take(users.Count - 1)]);
        var now = _clock.GetUtcNow();
        var id = EmulatorHttp.Id("resp_", Interlocked.Increment(ref _ids));
        var words = EmulatorHttp.Words(users);
        var response = Response(id, model, now, previousId, stored, background, AgentResponseStatus.Completed, Output(id, last, reply), Usage(words, EmulatorHttp.Words([reply])));
        lock (_responses)
        {
            _responses[id] = new StoredResponse([.. chain, .. users], response, stored);
        }

        if (stream)
        {
            await EmulatorHttp.StreamAsync(context, fault, _options.TimeProvider, ": keep-alive\n\n", Events(response, reply)).ConfigureAwait(false);
            return;
        }

        if (background)
        {
            var queued = (JsonObject)response.DeepClone();
            queued["status"] = AgentResponseStatus.Queued;
            queued["output"] = new JsonArray();
            queued.Remove("usage");
            await EmulatorHttp.JsonAsync(context, 200, queued).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.JsonAsync(context, 200, response).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        JsonObject? response;
        lock (_responses)
        {
            response = _responses.TryGetValue(id, out var stored) && stored.Visible ? (JsonObject)stored.Response.DeepClone() : null;
        }

        await (response is null
            ? EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["error"] = new JsonObject { ["message"] = $"Response {id} not found.", ["type"] = "not_found_error", ["code"] = "response_not_found" } })
            : EmulatorHttp.JsonAsync(context, 200, response)).ConfigureAwait(false);
    }

    private async Task CancelAsync(HttpContext context, string id)
    {
        bool found;
        lock (_responses)
        {
            found = _responses.TryGetValue(id, out var stored);
            if (found && stored!.Response["background"]?.GetValueKind() == JsonValueKind.True)
            {
                stored.Cancelled = true;
                stored.Response["status"] = AgentResponseStatus.Cancelled;
                stored.Response["output"] = new JsonArray();
            }
        }

        await (found
            ? EmulatorHttp.JsonAsync(context, 200, new JsonObject { ["response_id"] = id, ["status"] = "cancelling" })
            : EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["error"] = new JsonObject { ["message"] = $"Response {id} not found.", ["type"] = "not_found_error" } })).ConfigureAwait(false);
    }

    /// <summary>The user texts of the input: the string, or every user message's text (string content or <c>input_text</c> parts).</summary>
    private static bool TryReadUsers(JsonNode? input, out List<string> users, out string problem)
    {
        users = [];
        problem = "";
        switch (input)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                users.Add(value.GetValue<string>());
                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    if (item is not JsonObject entry)
                    {
                        problem = "each input item must be an object";
                        return false;
                    }

                    var type = Text(entry["type"]) ?? "message";
                    if (type == "message" && Text(entry["role"]) == "user")
                    {
                        users.Add(ContentText(entry["content"]));
                    }
                }

                break;
            default:
                problem = "input is required: a string or a list of input items";
                return false;
        }

        if (users.Count == 0 || users[^1].Length == 0)
        {
            problem = "input must hold a non-empty user message";
            return false;
        }

        return true;
    }

    private static string ContentText(JsonNode? content) => content switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => Text(p?["text"]) ?? "")),
        _ => "",
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonObject Response(string id, string model, DateTimeOffset now, string? previousId, bool store, bool background, string status, JsonArray output, JsonObject usage) => new()
    {
        ["id"] = id,
        ["object"] = "response",
        ["created_at"] = EmulatorHttp.Unix(now),
        ["model"] = model,
        ["status"] = status,
        ["output"] = output,
        ["previous_response_id"] = previousId,
        ["store"] = store,
        ["background"] = background,
        ["usage"] = usage,
    };

    private static JsonArray Output(string id, string query, string reply) =>
        new(SearchItem(query), MessageItem(id, reply, AgentResponseStatus.Completed));

    private static JsonObject SearchItem(string query) => new()
    {
        ["type"] = "search_results",
        ["queries"] = new JsonArray(query),
        ["results"] = new JsonArray(new JsonObject
        {
            ["id"] = 1,
            ["title"] = "Emulator source",
            ["url"] = "https://emulator.local/source/1",
            ["snippet"] = "A page the emulator pretends to have found.",
            ["date"] = "2026-01-01",
            ["last_updated"] = "2026-01-02",
            ["source"] = "web",
        }),
    };

    private static JsonObject MessageItem(string id, string? text, string status)
    {
        var content = new JsonArray();
        if (text is not null)
        {
            content.Add((JsonNode)new JsonObject
            {
                ["type"] = "output_text",
                ["text"] = text,
                ["annotations"] = new JsonArray(new JsonObject { ["type"] = "url_citation", ["url"] = "https://emulator.local/source/1", ["title"] = "Emulator source", ["start_index"] = 0, ["end_index"] = text.Length }),
            });
        }

        return new JsonObject { ["type"] = "message", ["id"] = "msg_" + id[5..], ["role"] = "assistant", ["status"] = status, ["content"] = content };
    }

    private static JsonObject Usage(int input, int output) => new()
    {
        ["input_tokens"] = input,
        ["output_tokens"] = output,
        ["total_tokens"] = input + output,
        ["input_tokens_details"] = new JsonObject { ["cache_creation_input_tokens"] = 0, ["cache_read_input_tokens"] = 0 },
        ["cost"] = new JsonObject
        {
            ["currency"] = "USD",
            ["input_cost"] = input * 0.000001,
            ["output_cost"] = output * 0.000002,
            ["tool_calls_cost"] = 0.005,
            ["total_cost"] = (input * 0.000001) + (output * 0.000002) + 0.005,
        },
        ["tool_calls_details"] = new JsonObject { ["web_search"] = new JsonObject { ["invocation"] = 1 } },
    };

    /// <summary>The documented event sequence, each with its <c>sequence_number</c>.</summary>
    private List<string> Events(JsonObject response, string reply)
    {
        var id = response["id"]!.GetValue<string>();
        var itemId = "msg_" + id[5..];
        var started = (JsonObject)response.DeepClone();
        started["status"] = AgentResponseStatus.InProgress;
        started["output"] = new JsonArray();
        started.Remove("usage");
        var sequence = 0;
        var frames = new List<string>();
        void Add(string type, JsonObject data)
        {
            data["type"] = type;
            data["sequence_number"] = sequence++;
            frames.Add(EmulatorHttp.Frame(data.ToJsonString(EmulatorHttp.Relaxed), type));
        }

        Add("response.created", new JsonObject { ["response"] = started.DeepClone() });
        Add("response.in_progress", new JsonObject { ["response"] = started.DeepClone() });
        var search = response["output"]![0]!;
        Add("response.reasoning.search_queries", new JsonObject { ["queries"] = search["queries"]!.DeepClone(), ["thought"] = "Searching." });
        Add("response.output_item.added", new JsonObject { ["output_index"] = 0, ["item"] = search.DeepClone() });
        Add("response.output_item.done", new JsonObject { ["output_index"] = 0, ["item"] = search.DeepClone() });
        Add("response.output_item.added", new JsonObject { ["output_index"] = 1, ["item"] = MessageItem(id, null, AgentResponseStatus.InProgress) });
        foreach (var piece in EmulatorHttp.Pieces(reply, _options.StreamPieceLength))
        {
            Add("response.output_text.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = 1, ["content_index"] = 0, ["delta"] = piece });
        }

        Add("response.output_text.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = 1, ["content_index"] = 0, ["text"] = reply });
        Add("response.output_item.done", new JsonObject { ["output_index"] = 1, ["item"] = response["output"]![1]!.DeepClone() });
        Add("response.completed", new JsonObject { ["response"] = response.DeepClone() });
        return frames;
    }

    private sealed class StoredResponse(List<string> users, JsonObject response, bool visible)
    {
        public List<string> Users { get; } = users;

        public JsonObject Response { get; } = response;

        public bool Visible { get; } = visible;

        public bool Cancelled { get; set; }
    }

    /// <summary>FastAPI's 422: <c>{"detail":[{"loc","msg","type"}]}</c>.</summary>
    public static Task UnprocessableAsync(HttpContext context, string[] location, string message, string type) =>
        EmulatorHttp.JsonAsync(context, 422, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray([.. location.Select(l => (JsonNode)l)]), ["msg"] = message, ["type"] = type }),
        });
}

/// <summary>The status values of Agent API responses, as the emulator writes them.</summary>
internal static class AgentResponseStatus
{
    public const string Completed = "completed";
    public const string InProgress = "in_progress";
    public const string Queued = "queued";
    public const string Cancelled = "cancelled";
}
