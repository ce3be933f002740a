using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ThreadClient.Testing.Perplexity;

/// <summary>
/// <c>POST /chat/completions</c> as WIRE.md and seed 000 describe it: threads on <c>sonar-pro</c> only,
/// 400 for a non-UUID <c>thread_id</c>, 404 once a thread has been idle too long, a 401 when threading
/// is switched off, and streams in "full" mode (delta plus the aggregated message, then <c>[DONE]</c>).
/// </summary>
internal sealed class PerplexityEndpoint
{
    public const string Path = "/chat/completions";
    public const string ThreadingModel = "sonar-pro";

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, (List<string> UserTurns, DateTimeOffset LastUsed)> _threads = new(StringComparer.OrdinalIgnoreCase);

    public PerplexityEndpoint(EmulatorOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        ThreadingEnabled = true;
    }

    public bool ThreadingEnabled { get; set; }

    public bool Expire(string threadId)
    {
        lock (_threads)
        {
            return _threads.Remove(threadId);
        }
    }

    public void Reset()
    {
        lock (_threads)
        {
            _threads.Clear();
        }

        ThreadingEnabled = true;
    }

    public async Task HandleAsync(HttpContext context, JsonObject? body, EmulatorFault? fault)
    {
        var request = Read(body);
        if (request.Model.Length == 0 || request.Users.Count == 0)
        {
            await EmulatorHttp.PerplexityErrorAsync(context, 400, "model and a non-empty messages array are required", "invalid_request_error").ConfigureAwait(false);
            return;
        }

        var threadId = request.ThreadId;
        var failure = Check(request.Model, request.UseThreads, threadId);
        if (failure is { } refused)
        {
            await EmulatorHttp.PerplexityErrorAsync(context, refused.Status, refused.Message, refused.Type).ConfigureAwait(false);
            return;
        }

        var users = request.Users;
        var now = _clock.GetUtcNow();
        List<string> earlier;
        lock (_threads)
        {
            if (request.UseThreads)
            {
                if (threadId is null || !_threads.TryGetValue(threadId, out var thread))
                {
                    threadId = Guid.NewGuid().ToString();
                    thread = ([], now);
                }

                earlier = [.. thread.UserTurns, .. users.Take(users.Count - 1)];
                thread.UserTurns.AddRange(users);
                _threads[threadId] = (thread.UserTurns, now);
            }
            else
            {
                threadId = null;
                earlier = users.Take(users.Count - 1).ToList();
            }
        }

        var reply = EmulatorReplies.Reply(users[^1], earlier);
        var id = Guid.NewGuid().ToString();
        var usage = Usage(request, EmulatorHttp.Words(users), EmulatorHttp.Words([reply]));
        if (request.Stream)
        {
            var frames = request.Concise ? ConciseFrames(id, request.Model, threadId, reply, usage, now) : Frames(id, request.Model, threadId, reply, usage, now);
            await EmulatorHttp.StreamAsync(context, fault, _clock, ": keep-alive\n\n", frames).ConfigureAwait(false);
            return;
        }

        var completion = Envelope(id, "chat.completion", request.Model, threadId, now);
        // The official SDK's Choice type has a delta even on a whole reply (empty there), as the service sends it.
        completion["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = Message(""), ["message"] = Message(reply), ["finish_reason"] = "stop" });
        completion["usage"] = usage;
        completion["citations"] = new JsonArray(SourceUrl);
        completion["search_results"] = SearchResults();
        await EmulatorHttp.JsonAsync(context, 200, completion).ConfigureAwait(false);
    }

    private const string SourceUrl = "https://emulator.local/source/1";

    private sealed record Request(string Model, List<string> Users, bool UseThreads, string? ThreadId, bool Stream, bool Concise, string SearchContextSize);

    /// <summary>Reads the request with the service's types: a field of the wrong type is an <see cref="EmulatorInputException"/>.</summary>
    private static Request Read(JsonObject? body)
    {
        var model = EmulatorInput.String(body, "model") ?? "";
        var messages = EmulatorInput.Array(body, "messages") ?? [];
        var users = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] as JsonObject ?? throw new EmulatorInputException($"messages[{i}]", "an object");
            var role = EmulatorInput.String(message, "role", $"messages[{i}].role") ?? throw new EmulatorInputException($"messages[{i}].role", "a string");
            var content = EmulatorInput.Field(message, "content") switch
            {
                null => "",
                JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select((p, j) => EmulatorInput.String(p, "text", $"messages[{i}].content[{j}].text") ?? "")),
                _ => throw new EmulatorInputException($"messages[{i}].content", "a string or an array of content parts"),
            };
            if (role == "user")
            {
                users.Add(content);
            }
        }

        var searchOptions = EmulatorInput.Object(body, "web_search_options");
        return new Request(
            model,
            users,
            EmulatorInput.Boolean(body, "use_threads") == true,
            EmulatorInput.String(body, "thread_id"),
            EmulatorInput.Boolean(body, "stream") == true,
            EmulatorInput.OneOf(body, "stream_mode", "full", "concise") == "concise",
            EmulatorInput.OneOf(searchOptions, "search_context_size", "low", "medium", "high") ?? "low");
    }

    private (int Status, string Message, string Type)? Check(string model, bool useThreads, string? threadId)
    {
        if (useThreads && !ThreadingEnabled)
        {
            return (401, "Threads are not available for this account.", "unauthorized");
        }

        if (useThreads && model != ThreadingModel)
        {
            return (400, $"Threads require model {ThreadingModel}; got {model}.", "invalid_request_error");
        }

        if (threadId is null)
        {
            return null;
        }

        if (!useThreads)
        {
            return (400, "thread_id requires use_threads: true.", "invalid_request_error");
        }

        if (!Guid.TryParseExact(threadId, "D", out _))
        {
            return (400, "Invalid thread_id: it must be a UUID.", "invalid_request_error");
        }

        lock (_threads)
        {
            if (_threads.TryGetValue(threadId, out var thread) && _clock.GetUtcNow() - thread.LastUsed >= _options.PerplexityThreadInactivity)
            {
                _threads.Remove(threadId);
            }

            return _threads.ContainsKey(threadId) ? null : (404, "Thread not found or expired.", "not_found");
        }
    }

    /// <summary>Full mode: every chunk has the delta and the message so far; citations first, usage and search results last.</summary>
    private List<string> Frames(string id, string model, string? threadId, string reply, JsonObject usage, DateTimeOffset now)
    {
        var frames = new List<string>();
        var soFar = "";
        var pieces = EmulatorHttp.Pieces(reply, _options.StreamPieceLength).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            soFar += pieces[i];
            var last = i == pieces.Count - 1;
            var chunk = Envelope(id, "chat.completion.chunk", model, threadId, now);
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = Message(pieces[i]), ["message"] = Message(soFar), ["finish_reason"] = last ? "stop" : null });
            if (i == 0)
            {
                chunk["citations"] = new JsonArray(SourceUrl);
            }

            if (last)
            {
                chunk["usage"] = usage.DeepClone();
                chunk["search_results"] = SearchResults();
            }

            frames.Add(EmulatorHttp.Frame(chunk.ToJsonString(EmulatorHttp.Relaxed)));
        }

        frames.Add(EmulatorHttp.Frame("[DONE]"));
        return frames;
    }

    /// <summary>
    /// Concise mode (<c>stream_mode: "concise"</c>): <c>chat.completion.chunk</c> events carry only the delta
    /// (the client aggregates); one closing <c>chat.completion.done</c> carries the whole message, the
    /// citations, the search results and the usage.
    /// </summary>
    private List<string> ConciseFrames(string id, string model, string? threadId, string reply, JsonObject usage, DateTimeOffset now)
    {
        var frames = new List<string>();
        foreach (var piece in EmulatorHttp.Pieces(reply, _options.StreamPieceLength))
        {
            var chunk = Envelope(id, "chat.completion.chunk", model, threadId, now);
            chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = Message(piece), ["finish_reason"] = null });
            frames.Add(EmulatorHttp.Frame(chunk.ToJsonString(EmulatorHttp.Relaxed)));
        }

        var done = Envelope(id, "chat.completion.done", model, threadId, now);
        done["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = Message(""), ["message"] = Message(reply), ["finish_reason"] = "stop" });
        done["citations"] = new JsonArray(SourceUrl);
        done["search_results"] = SearchResults();
        done["usage"] = usage;
        frames.Add(EmulatorHttp.Frame(done.ToJsonString(EmulatorHttp.Relaxed)));
        frames.Add(EmulatorHttp.Frame("[DONE]"));
        return frames;
    }

    private static JsonObject Envelope(string id, string type, string model, string? threadId, DateTimeOffset now)
    {
        var json = new JsonObject { ["id"] = id, ["object"] = type, ["created"] = EmulatorHttp.Unix(now), ["model"] = model };
        if (threadId is not null)
        {
            json["thread_id"] = threadId;
        }

        return json;
    }

    /// <summary>
    /// Usage as the service and the official SDK's <c>UsageInfo</c> shape it, with a <c>cost</c> computed from
    /// Perplexity's public list prices (per million tokens, plus a request fee by search context size):
    /// plausible numbers of the real shape, not billing truth.
    /// </summary>
    private static JsonObject Usage(Request request, int input, int output)
    {
        var (inputPrice, outputPrice, requestFees) = request.Model == ThreadingModel ? (3.0, 15.0, (6.0, 10.0, 14.0)) : (1.0, 1.0, (5.0, 8.0, 12.0));
        var requestCost = request.SearchContextSize switch
        {
            "high" => requestFees.Item3,
            "medium" => requestFees.Item2,
            _ => requestFees.Item1,
        } / 1000;
        var inputCost = Math.Round(input * inputPrice / 1_000_000, 6);
        var outputCost = Math.Round(output * outputPrice / 1_000_000, 6);
        return new JsonObject
        {
            ["prompt_tokens"] = input,
            ["completion_tokens"] = output,
            ["total_tokens"] = input + output,
            ["citation_tokens"] = EmulatorHttp.Words([Snippet]),
            ["num_search_queries"] = 1,
            ["search_context_size"] = request.SearchContextSize,
            ["cost"] = new JsonObject
            {
                ["input_tokens_cost"] = inputCost,
                ["output_tokens_cost"] = outputCost,
                ["request_cost"] = requestCost,
                ["total_cost"] = Math.Round(inputCost + outputCost + requestCost, 6),
            },
        };
    }

    private static JsonObject Message(string text) => new() { ["role"] = "assistant", ["content"] = text };

    private const string Snippet = "A page the emulator pretends to have found.";

    private static JsonArray SearchResults() => new(new JsonObject
    {
        ["title"] = "Emulator source",
        ["url"] = SourceUrl,
        ["date"] = "2026-01-01",
        ["last_updated"] = "2026-01-02",
        ["snippet"] = Snippet,
        ["source"] = "web",
    });
}
