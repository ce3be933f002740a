using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using static ThreadClient.Testing.Perplexity.AgentResponseShape;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// Perplexity's Agent API as the live service answers (WIRE.md §4): <c>POST /v1/responses</c> (and its
/// alias <c>/v1/agent</c>), streamed or not, in the background or not, <c>GET /v1/responses/{id}</c> and
/// <c>POST /v1/responses/{id}/cancel</c>, with the live service's error bodies, statuses and echoed
/// settings. It keeps no thread: a reply's <c>[earlier: ...]</c> lists the user turns the request replayed,
/// plus, when <see cref="EmulatorOptions.AgentHonoursPreviousResponseId"/> is on (the default, as the live
/// service does), those of the <c>previous_response_id</c> chain.
/// </summary>
internal sealed partial class AgentEndpoint
{
    public const string ResponsesPath = "/v1/responses";
    public const string AgentPath = "/v1/agent";

    /// <summary>The model whose every response fails (HTTP 200, <c>status: failed</c>), as model errors come back.</summary>
    public const string FailingModel = "emulator/failing";

    private const string DefaultModel = "perplexity/sonar";
    private const string InvalidRequestType = "invalid_request";

    /// <summary>Every top-level request field the service takes (WIRE.md §4); any other is a 400 <c>unknown field</c>.</summary>
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "input", "instructions", "model", "models", "preset", "effort", "profile", "previous_response_id", "store", "stream",
        "background", "max_output_tokens", "max_steps", "reasoning", "response_format", "tools", "skills", "language_preference",
        "prompt_cache_key", "metadata", "truncation", "tool_choice", "parallel_tool_calls", "max_tool_calls", "service_tier",
        "temperature", "top_p", "safety_identifier",
    };

    private static readonly string[] RecencyFilters = ["hour", "day", "week", "month", "year"];

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, StoredResponse> _responses = new(StringComparer.Ordinal);
    private readonly AgentBill _bill;
    private long _ids;

    public AgentEndpoint(EmulatorOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        Rate = new AgentRateWindow(options, clock);
        _bill = new AgentBill(options);
    }

    /// <summary>The per-minute request window every reply reports.</summary>
    public AgentRateWindow Rate { get; }

    public void Reset()
    {
        lock (_responses)
        {
            _responses.Clear();
        }

        Rate.Reset();
        _bill.Reset();
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

    /// <summary>The live 400 for a request that fails validation: <c>validation failed: ...</c>.</summary>
    public static Task ValidationFailedAsync(HttpContext context, string what) =>
        EmulatorHttp.JsonAsync(context, 400, Error(400, "validation failed: " + what, InvalidRequestType));

    /// <summary>The live 429 (with the window's headers already on the reply).</summary>
    public static Task RateLimitedAsync(HttpContext context) =>
        EmulatorHttp.JsonAsync(context, 429, Error(429, "rate limit exceeded", "request_rate_limit_exceeded"));

    private async Task CreateAsync(HttpContext context, JsonObject? request, EmulatorFault? fault)
    {
        if (request is null)
        {
            await ValidationFailedAsync(context, "the body must be a JSON object").ConfigureAwait(false);
            return;
        }

        if (request.Select(static p => p.Key).FirstOrDefault(static name => !KnownFields.Contains(name)) is { } unknown)
        {
            await EmulatorHttp.JsonAsync(context, 400, Error(400, $"unknown field \"{unknown}\"", InvalidRequestType, unknown)).ConfigureAwait(false);
            return;
        }

        if (Invalid(request) is { } problem)
        {
            await EmulatorHttp.JsonAsync(context, 400, problem).ConfigureAwait(false);
            return;
        }

        var users = ReadUsers(request["input"])!;
        var models = EmulatorInput.Array(request, "models");
        var stream = EmulatorInput.Boolean(request, "stream") == true;
        var background = EmulatorInput.Boolean(request, "background") == true && !stream;
        var model = EmulatorInput.String(request, "model") ?? (models is { Count: > 0 } ? Text(models[0]) ?? throw new EmulatorInputException("models[0]", "a string") : null) ?? DefaultModel;
        List<string> chain = [];
        var carried = "";
        if (EmulatorInput.String(request, "previous_response_id") is { } previousId)
        {
            if (Chainable(previousId) is not { } known)
            {
                // Unknown, malformed, in progress or cancelled: the live service names no field.
                await EmulatorHttp.JsonAsync(context, 400, Error(400, "invalid request", InvalidRequestType)).ConfigureAwait(false);
                return;
            }

            (chain, carried) = _options.AgentHonoursPreviousResponseId ? known : ([], "");
        }

        var last = users[^1];
        var now = EmulatorHttp.Unix(_clock.GetUtcNow());
        var id = EmulatorHttp.Id("resp_", Interlocked.Increment(ref _ids));
        var (answer, text) = Answer(request, carried, id, model, now, last, [.. chain, .. users.Take(users.Count - 1)]);
        var stored = new StoredResponse([.. chain, .. users], request, answer, EmulatorInput.Boolean(request, "store") != false)
        {
            State = background ? Queued : (string)answer["status"]!,
            Context = carried + AgentBill.PromptOf(request) + "\n" + text + "\n",
        };
        lock (_responses)
        {
            _responses[id] = stored;
        }

        if (stream)
        {
            await EmulatorHttp.StreamAsync(context, fault, _options.TimeProvider, ": keep-alive\n\n", Events(answer)).ConfigureAwait(false);
            return;
        }

        await EmulatorHttp.JsonAsync(context, 200, background ? stored.Pending(Queued) : answer).ConfigureAwait(false);
    }

    /// <summary>The whole answer (completed, cut off at <c>max_output_tokens</c>, or failed: the failing model) and its text.</summary>
    private (JsonObject Answer, string Text) Answer(JsonObject request, string carried, string id, string model, long now, string last, List<string> earlier)
    {
        if (model == FailingModel)
        {
            var error = new JsonObject { ["code"] = "model_error", ["message"] = "the model failed to produce a response", ["type"] = "internal_error" };
            return (Response(request, id, model, now, Failed, [], _bill.Usage(request, carried, 0, searched: false), error, completedAt: now), "");
        }

        var reply = EmulatorReplies.Reply(last, earlier);
        var words = reply.Split(' ');
        if (request["max_output_tokens"] is JsonValue limitValue && limitValue.TryGetValue<int>(out var limit) && limit < words.Length)
        {
            // A token is a word; a budget of one token is spent before any text, as a reasoning model's would be.
            var kept = limit <= 1 ? "" : string.Join(' ', words.Take(limit));
            var cut = kept.Length == 0 ? new JsonArray() : new JsonArray(MessageItem(id, kept, Incomplete));
            return (Response(request, id, model, now, Incomplete, cut, _bill.Usage(request, carried, limit, searched: false), incompleteReason: "max_output_tokens", completedAt: now), kept);
        }

        return (Response(request, id, model, now, Completed, new JsonArray(SearchItem(last), MessageItem(id, reply, Completed)), _bill.Usage(request, carried, words.Length, searched: true), completedAt: now), reply);
    }

    /// <summary>The turns and the context a <c>previous_response_id</c> carries, or <see langword="null"/> when it cannot be chained (unknown, still running, cancelled, failed).</summary>
    private (List<string> Users, string Context)? Chainable(string id)
    {
        lock (_responses)
        {
            return _responses.TryGetValue(id, out var previous) && previous.State is Completed or Incomplete ? ([.. previous.Users], previous.Context) : null;
        }
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        if (!ResponseId().IsMatch(id))
        {
            await EmulatorHttp.JsonAsync(context, 400, Error(400, "invalid response id", InvalidRequestType)).ConfigureAwait(false);
            return;
        }

        JsonObject? response;
        lock (_responses)
        {
            response = _responses.TryGetValue(id, out var stored) && stored.Visible ? stored.Poll() : null;
        }

        await EmulatorHttp.JsonAsync(context, response is null ? 404 : 200, response ?? Error(404, "resource not found", "not_found")).ConfigureAwait(false);
    }

    private async Task CancelAsync(HttpContext context, string id)
    {
        JsonObject? cancelling = null;
        lock (_responses)
        {
            if (_responses.TryGetValue(id, out var stored) && stored.State is Queued or InProgress or Cancelling)
            {
                // The official SDK's type of the answer: {response_id, status: "cancelling"}.
                stored.State = Cancelling;
                cancelling = new JsonObject { ["response_id"] = id, ["status"] = Cancelling };
            }
        }

        await EmulatorHttp.JsonAsync(context, cancelling is null ? 400 : 200, cancelling ?? Error(400, "the run is already terminal and cannot be cancelled", InvalidRequestType)).ConfigureAwait(false);
    }

    /// <summary>The live service's validation failures, checked in the order it reports them.</summary>
    private static JsonObject? Invalid(JsonObject request)
    {
        static JsonObject Failure(string what) => Error(400, "validation failed: " + what, InvalidRequestType);
        if (ReadUsers(request["input"]) is not { Count: > 0 } users || users[^1].Length == 0)
        {
            return Failure("input must not be empty");
        }

        if (Integer(request, "max_steps") is { } steps && steps is < 1 or > 10)
        {
            return Failure("max_steps must be between 1 and 10");
        }

        if (Integer(request, "max_output_tokens") is < 1)
        {
            return Failure("max_output_tokens must be at least 1");
        }

        if (Integer(request, "max_tool_calls") is < 0)
        {
            return Failure("max_tool_calls must not be negative");
        }

        if (EmulatorInput.Array(request, "models") is { Count: > 5 })
        {
            return Failure("models accepts at most 5 entries");
        }

        if (request["preset"] is not null && request["profile"] is not null)
        {
            return Failure("preset and profile cannot be combined");
        }

        if (EmulatorInput.Object(request, "metadata") is { } metadata
            && (metadata.Count > 16 || metadata.Any(static p => p.Key.Length > 64 || p.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String || v.GetValue<string>().Length > 512)))
        {
            return Failure("metadata takes at most 16 string values, keys of at most 64 and values of at most 512 characters");
        }

        var tools = EmulatorInput.Array(request, "tools") ?? [];
        for (var i = 0; i < tools.Count; i++)
        {
            if (EmulatorInput.String(EmulatorInput.Object(tools[i], "filters", $"tools[{i}].filters"), "search_recency_filter", $"tools[{i}].filters.search_recency_filter") is { } recency
                && !RecencyFilters.Contains(recency, StringComparer.Ordinal))
            {
                return Failure($"tools[{i}].filters.search_recency_filter must be one of hour, day, week, month, year");
            }
        }

        if (EmulatorInput.Object(request, "response_format") is { } format && EmulatorInput.String(format, "type", "response_format.type") == "json_schema")
        {
            var schema = EmulatorInput.Field(EmulatorInput.Object(format, "json_schema", "response_format.json_schema"), "schema");
            if (schema is null)
            {
                return Failure("response_format.json_schema.schema is required");
            }

            if (schema is not JsonObject root || EmulatorInput.String(root, "type", "response_format.json_schema.schema.type") is not (null or "object"))
            {
                return Error(400, "invalid schema: the root of response_format.json_schema.schema must be an object schema", "invalid_parameter", "response_format.json_schema.schema");
            }
        }

        return null;
    }

    private static int? Integer(JsonObject request, string name) => EmulatorInput.Field(request, name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) <= int.MaxValue => (int)real,
        _ => throw new EmulatorInputException(name, "an integer"),
    };

    /// <summary>The user texts of the input: the string, or every user message's text (string content or <c>input_text</c> parts).</summary>
    private static List<string>? ReadUsers(JsonNode? input)
    {
        switch (input)
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return [value.GetValue<string>()];
            case JsonArray items:
                var users = new List<string>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not JsonObject entry)
                    {
                        throw new EmulatorInputException($"input[{i}]", "an object");
                    }

                    if ((Text(entry["type"]) ?? "message") == "message" && Text(entry["role"]) == "user")
                    {
                        users.Add(ContentText(entry["content"]));
                    }
                }

                return users;
            case null:
                return null;
            default:
                throw new EmulatorInputException("input", "a string or a list of input items");
        }
    }

    private static string ContentText(JsonNode? content) => content switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => Text(p?["text"]) ?? "")),
        _ => "",
    };

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>The documented event sequence, each with its <c>sequence_number</c>, ending as the answer did.</summary>
    private List<string> Events(JsonObject response)
    {
        var id = response["id"]!.GetValue<string>();
        var itemId = "msg_" + id[5..];
        var started = (JsonObject)response.DeepClone();
        (started["status"], started["output"], started["usage"], started["completed_at"], started["error"], started["incomplete_details"]) = (InProgress, new JsonArray(), null, null, null, null);
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
        var output = (JsonArray)response["output"]!;
        for (var index = 0; index < output.Count; index++)
        {
            var item = output[index]!;
            if (item["type"]?.GetValue<string>() == "search_results")
            {
                Add("response.reasoning.search_queries", new JsonObject { ["queries"] = item["queries"]!.DeepClone(), ["thought"] = "Searching." });
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
                Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
                continue;
            }

            var text = item["content"] is JsonArray { Count: > 0 } content ? content[0]!["text"]!.GetValue<string>() : "";
            Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = MessageItem(id, null, InProgress) });
            foreach (var piece in EmulatorHttp.Pieces(text, _options.StreamPieceLength))
            {
                Add("response.output_text.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["delta"] = piece });
            }

            Add("response.output_text.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["text"] = text });
            Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
        }

        var status = response["status"]!.GetValue<string>();
        var end = new JsonObject { ["response"] = response.DeepClone() };
        if (status == Failed)
        {
            end["error"] = response["error"]!.DeepClone();
        }

        Add(status switch { Failed => "response.failed", Incomplete => "response.incomplete", _ => "response.completed" }, end);
        return frames;
    }

    [GeneratedRegex("^resp_[0-9a-f]+$")]
    private static partial Regex ResponseId();

    /// <summary>A response and, for a background run, where it stands: queued, in progress, cancelling, cancelled, or its answer's status.</summary>
    private sealed class StoredResponse(List<string> users, JsonObject request, JsonObject answer, bool visible)
    {
        public List<string> Users { get; } = users;

        public bool Visible { get; } = visible;

        public required string State { get; set; }

        /// <summary>What a request chained to this one carries (and is billed for): its prompt, with what it carried, and its answer.</summary>
        public required string Context { get; init; }

        /// <summary>The response as a poll sees it now; each poll of a background run moves it on (queued, in progress, done; cancelling, cancelled).</summary>
        public JsonObject Poll()
        {
            State = State switch
            {
                Queued => InProgress,
                InProgress => (string)answer["status"]!,
                Cancelling => Cancelled,
                _ => State,
            };
            return State switch
            {
                InProgress => Pending(InProgress),
                Cancelled => CancelledNow(),
                _ => (JsonObject)answer.DeepClone(),
            };
        }

        /// <summary>The response while it has no answer yet: no output, no usage.</summary>
        public JsonObject Pending(string status) =>
            Response(request, answer["id"]!.GetValue<string>(), answer["model"]!.GetValue<string>(), answer["created_at"]!.GetValue<long>(), status, [], usage: null);

        /// <summary>A cancelled run, as polled: the error, the reason, the partial output, no usage.</summary>
        private JsonObject CancelledNow()
        {
            var id = answer["id"]!.GetValue<string>();
            var partial = answer["output"] is JsonArray output && output.LastOrDefault() is JsonObject { } message && message["content"] is JsonArray { Count: > 0 } parts
                ? parts[0]!["text"]!.GetValue<string>().Split(' ')[0]
                : "";
            var cut = partial.Length == 0 ? new JsonArray() : new JsonArray(MessageItem(id, partial, Incomplete));
            var error = new JsonObject { ["code"] = "cancelled", ["message"] = "cancelled", ["type"] = "cancelled" };
            return Response(request, id, answer["model"]!.GetValue<string>(), answer["created_at"]!.GetValue<long>(), Cancelled, cut, usage: null, error, incompleteReason: "cancelled");
        }
    }
}
