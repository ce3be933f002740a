using System.Text.Json.Nodes;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// A response as the live Agent API writes it (WIRE.md §4): every request setting echoed, in the
/// service's (alphabetical) order, with its nulls and defaults; the output, the usage, the status.
/// </summary>
internal static class AgentResponseShape
{
    public const string Completed = "completed";
    public const string Incomplete = "incomplete";
    public const string Failed = "failed";
    public const string InProgress = "in_progress";
    public const string Queued = "queued";
    public const string Cancelling = "cancelling";
    public const string Cancelled = "cancelled";

    /// <summary>The echo of the request's settings with the parts of the answer that vary.</summary>
    public static JsonObject Response(JsonObject request, string id, string model, long createdAt, string status, JsonArray output, JsonNode? usage, JsonNode? error = null, string? incompleteReason = null, long? completedAt = null)
    {
        var reasoning = request["reasoning"] as JsonObject;
        return new JsonObject
        {
            ["background"] = EmulatorInput.Boolean(request, "background") == true,
            ["completed_at"] = completedAt,
            ["created_at"] = createdAt,
            ["error"] = error,
            ["frequency_penalty"] = 0,
            ["id"] = id,
            ["incomplete_details"] = incompleteReason is null ? null : new JsonObject { ["reason"] = incompleteReason },
            ["instructions"] = Echo(request, "instructions"),
            ["max_output_tokens"] = Echo(request, "max_output_tokens"),
            ["max_tool_calls"] = Echo(request, "max_tool_calls"),
            ["metadata"] = Echo(request, "metadata") ?? new JsonObject(),
            ["model"] = model,
            ["object"] = "response",
            ["output"] = output,
            ["parallel_tool_calls"] = Echo(request, "parallel_tool_calls") ?? true,
            ["presence_penalty"] = 0,

            // The live service answers null here even when the request chained (WIRE.md §4).
            ["previous_response_id"] = null,
            ["prompt_cache_key"] = Echo(request, "prompt_cache_key"),
            ["reasoning"] = new JsonObject { ["effort"] = reasoning?["effort"]?.DeepClone(), ["summary"] = null },
            ["safety_identifier"] = Echo(request, "safety_identifier"),
            ["service_tier"] = Echo(request, "service_tier") ?? "default",
            ["status"] = status,
            ["store"] = EmulatorInput.Boolean(request, "store") != false,
            ["temperature"] = Echo(request, "temperature") ?? 1,
            ["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "text" }, ["verbosity"] = "medium" },
            ["tool_choice"] = Echo(request, "tool_choice") ?? "auto",
            ["tools"] = Echo(request, "tools") ?? new JsonArray(),
            ["top_logprobs"] = 0,
            ["top_p"] = Echo(request, "top_p") ?? 1,
            ["truncation"] = Echo(request, "truncation") ?? "disabled",
            ["usage"] = usage,
        };
    }

    public static JsonObject SearchItem(string query) => new()
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

    public static JsonObject MessageItem(string id, string? text, string status)
    {
        var content = new JsonArray();
        if (text is { Length: > 0 })
        {
            var annotations = status == Completed
                ? new JsonArray(new JsonObject { ["type"] = "url_citation", ["url"] = "https://emulator.local/source/1", ["title"] = "Emulator source", ["start_index"] = 0, ["end_index"] = text.Length })
                : new JsonArray();
            content.Add((JsonNode)new JsonObject { ["type"] = "output_text", ["text"] = text, ["annotations"] = annotations, ["logprobs"] = new JsonArray() });
        }

        return new JsonObject { ["type"] = "message", ["id"] = "msg_" + id[5..], ["role"] = "assistant", ["status"] = status, ["content"] = content };
    }

    /// <summary>The error of a live 400 or 404: <c>{"error":{"message","type","code"}}</c>, with <c>param</c> when it names a field.</summary>
    public static JsonObject Error(int status, string message, string type, string? param = null)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type };
        if (param is not null)
        {
            error["param"] = param;
        }

        error["code"] = status;
        return new JsonObject { ["error"] = error };
    }

    private static JsonNode? Echo(JsonObject request, string name) =>
        request.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : null;
}
