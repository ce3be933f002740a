using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing;

/// <summary>
/// The emulator's control plane over HTTP, under <c>/_emulator/</c>: every verb calls the same public member
/// of <see cref="ThreadsEmulator"/> a .NET test calls, so the two cannot drift apart. Routes (JSON bodies,
/// snake_case):
/// <list type="bullet">
/// <item><c>GET /_emulator</c>: addresses, clock, switches, number of logged requests.</item>
/// <item><c>POST /_emulator/faults</c>: queue a fault (<see cref="FaultInjector.Enqueue"/>); <c>DELETE</c> clears them.</item>
/// <item><c>POST /_emulator/perplexity/threads/{id}/expire</c>, <c>POST /_emulator/aitronos/threads/{id}/expire</c>.</item>
/// <item><c>POST /_emulator/clock/advance</c> <c>{"seconds": N}</c>.</item>
/// <item><c>PUT /_emulator/perplexity/threading</c> <c>{"enabled": bool}</c>; <c>PUT /_emulator/perplexity/chat-completions</c> <c>{"retired": bool}</c>.</item>
/// <item><c>GET /_emulator/requests</c> (the log); <c>POST /_emulator/reset</c>.</item>
/// <item><c>GET</c> and <c>PUT /_emulator/perplexity/agent/prices</c> <c>{"input_per_million_tokens", "cache_read_per_million_tokens", "output_per_million_tokens", "web_search_per_call"}</c> (any of them).</item>
/// </list>
/// </summary>
internal sealed class ControlPlane(ThreadsEmulator emulator)
{
    public const string Prefix = "/_emulator";

    private static readonly string[] FaultKinds = ["status", "delay_ms", "drop", "cut_after_events", "heartbeats"];

    public static bool Serves(string path) => path == Prefix || path.StartsWith(Prefix + "/", StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context, string path, string text)
    {
        var route = path.Length > Prefix.Length ? path[(Prefix.Length + 1)..].TrimEnd('/') : "";
        var parts = route.Length == 0 ? [] : route.Split('/');
        try
        {
            var body = text.Length == 0 ? null : EmulatorInput.Body(JsonNode.Parse(text));
            var answer = (context.Request.Method, parts) switch
            {
                ("GET", []) => EmulatorHttp.JsonAsync(context, 200, Status()),
                ("POST", ["faults"]) => QueueFaultAsync(context, body),
                ("DELETE", ["faults"]) => Done(context, emulator.Faults.Clear),
                ("POST", ["perplexity", "threads", var id, "expire"]) => Found(context, emulator.ExpirePerplexityThread(Uri.UnescapeDataString(id))),
                ("POST", ["aitronos", "threads", var id, "expire"]) => Found(context, emulator.ExpireAitronosThread(Uri.UnescapeDataString(id))),
                ("POST", ["clock", "advance"]) => AdvanceAsync(context, body),
                ("PUT", ["perplexity", "threading"]) => Switch(context, body, "enabled", v => emulator.PerplexityThreadingEnabled = v),
                ("PUT", ["perplexity", "chat-completions"]) => Switch(context, body, "retired", v => emulator.PerplexityChatCompletionsRetired = v),
                ("GET", ["requests"]) => EmulatorHttp.JsonAsync(context, 200, RequestLog()),
                ("PUT", ["perplexity", "agent", "prices"]) => PricesAsync(context, body),
                ("GET", ["perplexity", "agent", "prices"]) => EmulatorHttp.JsonAsync(context, 200, Prices()),
                ("POST", ["reset"]) => Done(context, emulator.Reset),
                _ => Problem(context, 404, $"No control route {context.Request.Method} {path}; GET {Prefix} lists the emulator's state, README lists the routes."),
            };
            await answer.ConfigureAwait(false);
        }
        catch (Exception error) when (error is JsonException or EmulatorInputException or ArgumentException)
        {
            await Problem(context, 400, error.Message).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a fault: <c>method</c> and <c>path</c> (a prefix) name the route, <c>times</c> (default 1) how many
    /// requests take it, and exactly one of <c>status</c> (with optional <c>headers</c> and <c>body</c>),
    /// <c>delay_ms</c>, <c>drop: true</c>, <c>cut_after_events</c>, <c>heartbeats</c> (with <c>interval_ms</c>).
    /// </summary>
    internal static (string Method, string Path, int Times, EmulatorFault Fault) ReadFault(JsonObject? body)
    {
        var method = EmulatorInput.String(body, "method") ?? throw new EmulatorInputException("method", "a string such as POST");
        var path = EmulatorInput.String(body, "path") ?? throw new EmulatorInputException("path", "a path or its start, such as /chat/completions");
        var times = Integer(body, "times") ?? 1;
        var kinds = FaultKinds.Where(k => EmulatorInput.Field(body, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            throw new EmulatorInputException("fault", "exactly one of status, delay_ms, drop, cut_after_events, heartbeats");
        }

        var fault = kinds[0] switch
        {
            "status" => EmulatorFault.Status((int)Integer(body, "status")!, BodyText(body), Headers(body)),
            "delay_ms" => EmulatorFault.Wait(TimeSpan.FromMilliseconds(Integer(body, "delay_ms")!.Value)),
            "drop" => EmulatorInput.Boolean(body, "drop") == true ? EmulatorFault.DropConnection() : throw new EmulatorInputException("drop", "true"),
            "cut_after_events" => EmulatorFault.CutStream((int)Integer(body, "cut_after_events")!),
            _ => EmulatorFault.Heartbeats((int)Integer(body, "heartbeats")!, TimeSpan.FromMilliseconds(Integer(body, "interval_ms") ?? 0)),
        };
        return (method, path, (int)times, fault);
    }

    private async Task QueueFaultAsync(HttpContext context, JsonObject? body)
    {
        var (method, path, times, fault) = ReadFault(body);
        emulator.Faults.Enqueue(method, path, fault, times);
        await EmulatorHttp.JsonAsync(context, 201, new JsonObject { ["method"] = method, ["path"] = path, ["times"] = times, ["kind"] = fault.Kind.ToString() }).ConfigureAwait(false);
    }

    private Task AdvanceAsync(HttpContext context, JsonObject? body)
    {
        var seconds = EmulatorInput.Field(body, "seconds") is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.GetValue<double>()
            : throw new EmulatorInputException("seconds", "a number of seconds");
        emulator.AdvanceClock(TimeSpan.FromSeconds(seconds));
        return EmulatorHttp.JsonAsync(context, 200, Clock());
    }

    private Task PricesAsync(HttpContext context, JsonObject? body)
    {
        var prices = emulator.Options.AgentPrices;
        prices.InputPerMillionTokens = Price(body, "input_per_million_tokens") ?? prices.InputPerMillionTokens;
        prices.CacheReadPerMillionTokens = Price(body, "cache_read_per_million_tokens") ?? prices.CacheReadPerMillionTokens;
        prices.OutputPerMillionTokens = Price(body, "output_per_million_tokens") ?? prices.OutputPerMillionTokens;
        prices.WebSearchPerCall = Price(body, "web_search_per_call") ?? prices.WebSearchPerCall;
        return EmulatorHttp.JsonAsync(context, 200, Prices());
    }

    private JsonObject Prices()
    {
        var prices = emulator.Options.AgentPrices;
        return new JsonObject
        {
            ["input_per_million_tokens"] = prices.InputPerMillionTokens,
            ["cache_read_per_million_tokens"] = prices.CacheReadPerMillionTokens,
            ["output_per_million_tokens"] = prices.OutputPerMillionTokens,
            ["web_search_per_call"] = prices.WebSearchPerCall,
        };
    }

    private static decimal? Price(JsonObject? body, string name) => EmulatorInput.Field(body, name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var price) && price >= 0 => price,
        _ => throw new EmulatorInputException(name, "a price of 0 or more"),
    };

    private Task Switch(HttpContext context, JsonObject? body, string name, Action<bool> set)
    {
        set(EmulatorInput.Boolean(body, name) ?? throw new EmulatorInputException(name, "a boolean (true or false)"));
        return EmulatorHttp.JsonAsync(context, 200, Status());
    }

    private JsonObject Status() => new()
    {
        ["base_addresses"] = new JsonArray([.. emulator.BaseAddresses.Select(a => (JsonNode)a.ToString())]),
        ["clock"] = Clock(),
        ["perplexity"] = new JsonObject
        {
            ["threading_enabled"] = emulator.PerplexityThreadingEnabled,
            ["chat_completions_retired"] = emulator.PerplexityChatCompletionsRetired,
        },
        ["requests"] = emulator.Requests.Count,
    };

    private JsonObject Clock() => new() { ["now"] = emulator.UtcNow.ToString("O", CultureInfo.InvariantCulture) };

    private JsonObject RequestLog() => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. emulator.Requests.Select(r => (JsonNode)new JsonObject
        {
            ["method"] = r.Method,
            ["path"] = r.Path,
            ["query"] = r.Query,
            ["body"] = r.Body,
            ["received_at"] = r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        })]),
    };

    private static long? Integer(JsonObject? body, string name) => EmulatorInput.Field(body, name) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) && number >= 0 && number <= int.MaxValue => number,
        _ => throw new EmulatorInputException(name, "a whole number, 0 or more"),
    };

    private static string? BodyText(JsonObject? body) => EmulatorInput.Field(body, "body") switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var json => json.ToJsonString(),
    };

    private static Dictionary<string, string>? Headers(JsonObject? body) =>
        EmulatorInput.Object(body, "headers") is { } headers
            ? headers.ToDictionary(h => h.Key, h => EmulatorInput.String(headers, h.Key, "headers." + h.Key) ?? throw new EmulatorInputException("headers." + h.Key, "a string"))
            : null;

    private static Task Done(HttpContext context, Action action)
    {
        action();
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task Found(HttpContext context, bool found) => found
        ? Done(context, static () => { })
        : Problem(context, 404, "No such live thread.");

    private static Task Problem(HttpContext context, int status, string message) =>
        EmulatorHttp.JsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["status"] = status } });
}
