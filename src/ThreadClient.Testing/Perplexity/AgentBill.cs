using System.Text.Json.Nodes;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// The emulator's Agent API bill, with a prompt cache: per <c>prompt_cache_key</c> (or, without one, per
/// preset or model, as a preset sets a key of its own), the input tokens of the longest prefix a request's
/// prompt (its <c>instructions</c>, then its <c>input</c> as sent) shares with the previous request's under
/// that key are cache reads; the rest are plain input. A token is 4 characters of the prompt (rounded up
/// for the whole, down for the cached prefix); an output token is a word of the answer. A request chained
/// with <c>previous_response_id</c> is billed, as the live service bills it, for the whole context it carries
/// (the previous response's prompt and answer) before its own prompt.
/// </summary>
internal sealed class AgentBill(EmulatorOptions options)
{
    private const int CharactersPerToken = 4;
    private readonly Dictionary<string, string> _lastPrompts = new(StringComparer.Ordinal);

    public void Reset()
    {
        lock (_lastPrompts)
        {
            _lastPrompts.Clear();
        }
    }

    /// <summary>The usage of a request, remembering its prompt for the next one under the same key.</summary>
    /// <summary>A request's own prompt: its instructions, then its input as sent.</summary>
    public static string PromptOf(JsonObject request) =>
        (EmulatorInput.String(request, "instructions") ?? "") + "\n" + (request["input"]?.ToJsonString(EmulatorHttp.Relaxed) ?? "");

    public JsonObject Usage(JsonObject request, string carried, int outputTokens, bool searched)
    {
        var prompt = carried + PromptOf(request);
        var scope = EmulatorInput.String(request, "prompt_cache_key") is { } key ? "key:" + key
            : "config:" + (EmulatorInput.String(request, "preset") ?? EmulatorInput.String(request, "effort") ?? EmulatorInput.String(request, "model") ?? "");
        int shared;
        lock (_lastPrompts)
        {
            shared = _lastPrompts.TryGetValue(scope, out var last) ? CommonPrefix(last, prompt) : 0;
            _lastPrompts[scope] = prompt;
        }

        var input = (prompt.Length + CharactersPerToken - 1) / CharactersPerToken;
        var cached = Math.Min(input, shared / CharactersPerToken);
        var prices = options.AgentPrices;
        var inputCost = (input - cached) * prices.InputPerMillionTokens / 1_000_000m;
        var cacheCost = cached * prices.CacheReadPerMillionTokens / 1_000_000m;
        var outputCost = outputTokens * prices.OutputPerMillionTokens / 1_000_000m;
        var toolCost = searched ? prices.WebSearchPerCall : 0m;
        return new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["cache_creation_input_tokens"] = 0, ["cache_read_input_tokens"] = cached, ["cached_tokens"] = cached },
            ["output_tokens"] = outputTokens,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
            ["total_tokens"] = input + outputTokens,
            ["cost"] = new JsonObject
            {
                ["currency"] = "USD",
                ["input_cost"] = inputCost,
                ["cache_creation_cost"] = 0m,
                ["cache_read_cost"] = cacheCost,
                ["output_cost"] = outputCost,
                ["tool_calls_cost"] = toolCost,
                ["tool_calls_cost_details"] = searched ? new JsonObject { ["web_search"] = toolCost } : new JsonObject(),
                ["total_cost"] = inputCost + cacheCost + outputCost + toolCost,
            },
            ["tool_calls_details"] = searched ? new JsonObject { ["web_search"] = new JsonObject { ["invocation"] = 1, ["cost_usd"] = toolCost } } : new JsonObject(),
        };
    }

    private static int CommonPrefix(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
