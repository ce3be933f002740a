using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ThreadClient.Testing.Aitronos;
using ThreadClient.Testing.Perplexity;

namespace ThreadClient.Testing;

/// <summary>
/// A local emulator of the Perplexity and Aitronos APIs on a real Kestrel server on 127.0.0.1,
/// stateful and faithful to the wire contract, with fault injection and a request log. Point a
/// client's base addresses at <see cref="BaseAddress"/> (both providers share it).
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await ThreadsEmulator.StartAsync();
/// using var client = new ThreadsClient(new ThreadsClientOptions
/// {
///     Perplexity = { ApiKey = "any", BaseAddress = emulator.BaseAddress },
///     Aitronos = { ApiKey = "any", BaseAddress = emulator.BaseAddress },
/// });
/// </code>
/// </example>
public sealed class ThreadsEmulator : IAsyncDisposable
{
    private readonly EmulatorOptions _options;
    private readonly PerplexityEndpoint _perplexity;
    private readonly AgentEndpoint _agent;
    private volatile bool _chatCompletionsRetired;
    private readonly AitronosResponsesEndpoint _responses;
    private readonly AitronosThreadsEndpoint _threads;
    private readonly ConcurrentQueue<EmulatorRequest> _requests = new();
    private long _requestIds;

    private LoopbackServer _server = null!;

    private ThreadsEmulator(EmulatorOptions options)
    {
        _options = options;
        _perplexity = new PerplexityEndpoint(options);
        _agent = new AgentEndpoint(options);
        _chatCompletionsRetired = options.PerplexityChatCompletionsRetired;
        var store = new AitronosStore();
        _responses = new AitronosResponsesEndpoint(store, options);
        _threads = new AitronosThreadsEndpoint(store, options);
    }

    /// <summary>Where the emulator listens, for example <c>http://127.0.0.1:5123/</c>; both providers live here.</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Faults for the next requests of a route.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Every request received, in order (credentials are not kept).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _requests.ToArray();

    /// <summary>Whether Perplexity threading is on; off, <c>use_threads</c> requests get 401 <c>unauthorized</c>.</summary>
    public bool PerplexityThreadingEnabled
    {
        get => _perplexity.ThreadingEnabled;
        set => _perplexity.ThreadingEnabled = value;
    }

    /// <summary>The body the retired chat completions endpoint answers with (403), as Perplexity sends it.</summary>
    public const string ChatCompletionsRetiredBody = """{"error":{"message":"Sonar is now the Agent API. Use /v1/responses instead.","type":"chat_completions_not_available","code":403}}""";

    /// <summary>
    /// Whether Perplexity chat completions are retired: on, <c>POST /chat/completions</c> answers 403
    /// with <see cref="ChatCompletionsRetiredBody"/>, as the real service has since 2026-09-27, while the
    /// Agent API keeps answering.
    /// </summary>
    public bool PerplexityChatCompletionsRetired
    {
        get => _chatCompletionsRetired;
        set => _chatCompletionsRetired = value;
    }

    /// <summary>Starts an emulator.</summary>
    /// <param name="options">Its settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<ThreadsEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        var emulator = new ThreadsEmulator(options);
        emulator._server = await LoopbackServer.StartAsync(emulator.DispatchAsync, options.Port, cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Expires a Perplexity thread now: its next use answers 404.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <returns>Whether the thread existed.</returns>
    public bool ExpirePerplexityThread(string threadId) => _perplexity.Expire(threadId);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        string text;
        using (var reader = new StreamReader(request.Body))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        _requests.Enqueue(new EmulatorRequest(request.Method, path, request.QueryString.Value ?? "", text, _options.TimeProvider.GetUtcNow()));
        context.Response.Headers["x-request-id"] = EmulatorHttp.Id("req_", Interlocked.Increment(ref _requestIds));
        var agent = AgentEndpoint.Serves(path);
        var perplexity = agent || path.StartsWith(PerplexityEndpoint.Path, StringComparison.Ordinal);
        var fault = Faults.Take(request.Method, path);
        if (await ApplyAsync(context, fault, perplexity).ConfigureAwait(false))
        {
            return;
        }

        if (_options.RequireApiKey && !HasKey(request, perplexity))
        {
            await (perplexity
                ? EmulatorHttp.PerplexityErrorAsync(context, 401, "Missing or invalid API key.", "authentication_error")
                : EmulatorHttp.AitronosErrorAsync(context, 401, "UNAUTHORIZED", "Missing or invalid API key.", "authentication_error")).ConfigureAwait(false);
            return;
        }

        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            await EmulatorHttp.JsonAsync(context, 422, new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body"), ["msg"] = "invalid JSON", ["type"] = "value_error.jsondecode" }) }).ConfigureAwait(false);
            return;
        }

        if (agent)
        {
            await _agent.HandleAsync(context, path, body, fault).ConfigureAwait(false);
        }
        else if (perplexity && request.Method == "POST" && _chatCompletionsRetired)
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ChatCompletionsRetiredBody, context.RequestAborted).ConfigureAwait(false);
        }
        else if (perplexity && request.Method == "POST")
        {
            await _perplexity.HandleAsync(context, body, fault).ConfigureAwait(false);
        }
        else if (path == AitronosResponsesEndpoint.Path && request.Method == "POST")
        {
            await _responses.HandleAsync(context, body, fault).ConfigureAwait(false);
        }
        else if (path.StartsWith(AitronosThreadsEndpoint.Path, StringComparison.Ordinal))
        {
            await _threads.HandleAsync(context, body).ConfigureAwait(false);
        }
        else
        {
            await EmulatorHttp.JsonAsync(context, 404, new JsonObject { ["detail"] = "Not Found" }).ConfigureAwait(false);
        }
    }

    /// <summary>Applies a fault that replaces the answer; returns whether the request is done.</summary>
    private async Task<bool> ApplyAsync(HttpContext context, EmulatorFault? fault, bool perplexity)
    {
        switch (fault?.Kind)
        {
            case EmulatorFaultKind.Status:
                foreach (var (name, value) in fault.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                if (fault.Body is { } body)
                {
                    context.Response.StatusCode = fault.StatusCode;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    await (perplexity
                        ? EmulatorHttp.PerplexityErrorAsync(context, fault.StatusCode, "Injected fault.", "injected")
                        : EmulatorHttp.AitronosErrorAsync(context, fault.StatusCode, "INJECTED", "Injected fault.", "injected")).ConfigureAwait(false);
                }

                return true;
            case EmulatorFaultKind.DropConnection:
                context.Abort();
                return true;
            case EmulatorFaultKind.Delay:
                await Task.Delay(fault.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
                return false;
            default:
                return false;
        }
    }

    private static bool HasKey(HttpRequest request, bool perplexity)
    {
        var authorization = request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > 7;
        return perplexity ? bearer : bearer || request.Headers["X-API-Key"].ToString().Length > 0;
    }
}
