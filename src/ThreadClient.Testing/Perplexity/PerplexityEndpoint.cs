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
    private readonly Dictionary<string, (List<string> UserTurns, DateTimeOffset LastUsed)> _threads = new(StringComparer.OrdinalIgnoreCase);
    private long _completions;

    public PerplexityEndpoint(EmulatorOptions options) => _options = options;

    public bool ThreadingEnabled { get; set; } = true;

    public bool Expire(string threadId)
    {
        lock (_threads)
        {
            return _threads.Remove(threadId);
        }
    }

    public async Task HandleAsync(HttpContext context, JsonNode? body, EmulatorFault? fault)
    {
        var model = body?["model"]?.GetValue<string>();
        var messages = body?["messages"] as JsonArray;
        if (string.IsNullOrEmpty(model) || messages is null || messages.Count == 0)
        {
            await EmulatorHttp.PerplexityErrorAsync(context, 400, "model and a non-empty messages array are required", "invalid_request_error").ConfigureAwait(false);
            return;
        }

        var useThreads = body?["use_threads"]?.GetValue<bool>() == true;
        var threadId = body?["thread_id"]?.GetValue<string>();
        var failure = Check(model, useThreads, threadId);
        if (failure is { } refused)
        {
            await EmulatorHttp.PerplexityErrorAsync(context, refused.Status, refused.Message, refused.Type).ConfigureAwait(false);
            return;
        }

        var users = messages.Where(m => m?["role"]?.GetValue<string>() == "user").Select(m => Text(m!["content"])).ToList();
        var last = users.Count > 0 ? users[^1] : "";
        var now = _options.TimeProvider.GetUtcNow();
        List<string> earlier;
        lock (_threads)
        {
            if (useThreads)
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

        var reply = EmulatorReplies.Reply(last, earlier);
        var id = EmulatorHttp.Id("cmpl_", Interlocked.Increment(ref _completions));
        var usage = new JsonObject { ["prompt_tokens"] = EmulatorHttp.Words(users), ["completion_tokens"] = EmulatorHttp.Words([reply]), ["total_tokens"] = EmulatorHttp.Words(users) + EmulatorHttp.Words([reply]) };
        if (body?["stream"]?.GetValue<bool>() == true)
        {
            await EmulatorHttp.StreamAsync(context, fault, _options.TimeProvider, ": keep-alive\n\n", Frames(id, model, threadId, reply, usage, now)).ConfigureAwait(false);
            return;
        }

        var completion = Envelope(id, "chat.completion", model, threadId, now);
        completion["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = Message(reply), ["finish_reason"] = "stop" });
        completion["usage"] = usage;
        completion["citations"] = new JsonArray("https://emulator.local/source/1");
        completion["search_results"] = SearchResults();
        await EmulatorHttp.JsonAsync(context, 200, completion).ConfigureAwait(false);
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
            if (_threads.TryGetValue(threadId, out var thread) && _options.TimeProvider.GetUtcNow() - thread.LastUsed >= _options.PerplexityThreadInactivity)
            {
                _threads.Remove(threadId);
            }

            return _threads.ContainsKey(threadId) ? null : (404, "Thread not found or expired.", "not_found");
        }
    }

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
                chunk["citations"] = new JsonArray("https://emulator.local/source/1");
            }

            if (last)
            {
                chunk["usage"] = usage.DeepClone();
                chunk["search_results"] = SearchResults();
            }

            frames.Add(EmulatorHttp.Frame(chunk.ToJsonString()));
        }

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

    private static JsonObject Message(string text) => new() { ["role"] = "assistant", ["content"] = text };

    private static JsonArray SearchResults() => new(new JsonObject { ["title"] = "Emulator source", ["url"] = "https://emulator.local/source/1" });

    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
