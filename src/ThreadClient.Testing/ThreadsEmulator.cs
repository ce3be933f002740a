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

    /// <summary>The options the emulator runs with (the control plane changes its prices).</summary>
    internal EmulatorOptions Options => _options;

    /// <summary>What the Agent API bills (<see cref="EmulatorOptions.AgentPrices"/>); change it at any time.</summary>
    public AgentPrices AgentPrices => _options.AgentPrices;
    private readonly EmulatorClock _clock;
    private readonly PerplexityEndpoint _perplexity;
    private readonly AgentEndpoint _agent;
    private volatile bool _chatCompletionsRetired;
    private readonly AitronosStore _aitronos;
    private readonly AitronosResponsesEndpoint _responses;
    private readonly AitronosThreadsEndpoint _threads;
    private readonly ControlPlane _control;
    private readonly List<EmulatorRequest> _requests = [];
    private long _requestIds;

    private LoopbackServer _server = null!;

    private ThreadsEmulator(EmulatorOptions options)
    {
        _options = options;
        _clock = new EmulatorClock(options.TimeProvider);
        _perplexity = new PerplexityEndpoint(options, _clock);
        _agent = new AgentEndpoint(options, _clock);
        _chatCompletionsRetired = options.PerplexityChatCompletionsRetired;
        _aitronos = new AitronosStore(options, _clock);
        _responses = new AitronosResponsesEndpoint(_aitronos, options, _clock);
        _threads = new AitronosThreadsEndpoint(_aitronos, options, _clock);
        _control = new ControlPlane(this);
    }

    /// <summary>Where the emulator listens, for example <c>http://127.0.0.1:5123/</c>; both providers live here.</summary>
    public Uri BaseAddress => _server.BaseAddresses[0];

    /// <summary>Every address the emulator listens on (more than one only when <see cref="EmulatorOptions.Urls"/> names several).</summary>
    public IReadOnlyList<Uri> BaseAddresses => _server.BaseAddresses;

    /// <summary>Faults for the next requests of a route.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Every request received, in order (credentials are not kept; control-plane requests are not logged).</summary>
    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The emulator's current time: its <see cref="EmulatorOptions.TimeProvider"/> plus every <see cref="AdvanceClock"/>.</summary>
    public DateTimeOffset UtcNow => _clock.GetUtcNow();

    /// <summary>Whether Perplexity threading is on; off, <c>use_threads</c> requests get 401 <c>unauthorized</c>.</summary>
    public bool PerplexityThreadingEnabled
    {
        get => _perplexity.ThreadingEnabled;
        set => _perplexity.ThreadingEnabled = value;
    }

    /// <summary>
    /// The Agent API model whose every response fails as a live model error does: HTTP 200 with
    /// <c>status: "failed"</c> and <c>error: {"code":"model_error",...}</c> (<c>response.failed</c> when streamed).
    /// </summary>
    public const string AgentFailingModel = Perplexity.AgentEndpoint.FailingModel;

    /// <summary>The body the retired chat completions endpoint answers with (403), as the live service sent it on 2026-10-09.</summary>
    public const string ChatCompletionsRetiredBody = """{"error":{"message":"Sonar is now the Agent API. Use /v1/responses instead of /v1/sonar. Migrate here: https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/overview","type":"chat_completions_not_available","code":403}}""";

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
    /// <exception cref="ArgumentException">An option is out of range (a port, an address, a limit).</exception>
    public static async Task<ThreadsEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, "options.Port");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, "options.Port");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host, "options.Host");
        var urls = options.Urls.Count > 0 ? [.. options.Urls] : new List<string> { $"http://{Bracketed(options.Host)}:{options.Port}" };
        var emulator = new ThreadsEmulator(options);
        emulator._server = await LoopbackServer.StartAsync(emulator.DispatchAsync, urls, cancellationToken).ConfigureAwait(false);
        return emulator;
    }

    /// <summary>Expires a Perplexity thread now: its next use answers 404.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <returns>Whether the thread existed.</returns>
    public bool ExpirePerplexityThread(string threadId)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        return _perplexity.Expire(threadId);
    }

    /// <summary>
    /// Expires an Aitronos thread now, as the service does after 90 days of inactivity: its id answers 404
    /// <c>THREAD_NOT_FOUND</c> on <c>/v1/threads</c> and on <c>/v1/model/response</c> (it is not created again).
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <returns>Whether the thread existed.</returns>
    public bool ExpireAitronosThread(string threadId)
    {
        ArgumentNullException.ThrowIfNull(threadId);
        lock (_aitronos.Gate)
        {
            return _aitronos.Find(threadId) is not null && _aitronos.Remove(threadId);
        }
    }

    /// <summary>
    /// Moves the emulator's clock forward: thread inactivity, thread age and chain age are measured on it, so
    /// a test or another process (through <c>POST /_emulator/clock/advance</c>) can reach a limit without waiting.
    /// </summary>
    /// <param name="by">How far; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public void AdvanceClock(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        _clock.Advance(by);
    }

    /// <summary>
    /// Returns the emulator to its start: no threads, responses, faults or logged requests, the clock's offset
    /// gone, threading on and chat completions retired only if <see cref="EmulatorOptions.PerplexityChatCompletionsRetired"/> says so.
    /// </summary>
    public void Reset()
    {
        Faults.Clear();
        lock (_requests)
        {
            _requests.Clear();
        }

        _perplexity.Reset();
        _agent.Reset();
        lock (_aitronos.Gate)
        {
            _aitronos.Reset();
        }

        _clock.Reset();
        _chatCompletionsRetired = _options.PerplexityChatCompletionsRetired;
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        string text;
        using (var reader = new StreamReader(request.Body))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (_options.ControlPlane && ControlPlane.Serves(path))
        {
            await _control.HandleAsync(context, path, text).ConfigureAwait(false);
            return;
        }

        lock (_requests)
        {
            _requests.Add(new EmulatorRequest(request.Method, path, request.QueryString.Value ?? "", text, _clock.GetUtcNow()));
        }

        context.Response.Headers["x-request-id"] = EmulatorHttp.Id("req_", Interlocked.Increment(ref _requestIds));
        var agent = AgentEndpoint.Serves(path);
        var perplexity = agent || path.StartsWith(PerplexityEndpoint.Path, StringComparison.Ordinal);
        var fault = Faults.Take(request.Method, path);
        if (agent && _agent.Rate.Count(context.Response, exhausted: fault is { Kind: EmulatorFaultKind.Status, StatusCode: 429 }))
        {
            await AgentEndpoint.RateLimitedAsync(context).ConfigureAwait(false);
            return;
        }

        if (await ApplyAsync(context, fault, perplexity, agent).ConfigureAwait(false))
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
        catch (JsonException) when (agent)
        {
            await AgentEndpoint.ValidationFailedAsync(context, "the body is not valid JSON").ConfigureAwait(false);
            return;
        }
        catch (JsonException)
        {
            await EmulatorHttp.JsonAsync(context, 422, new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body"), ["msg"] = "invalid JSON", ["type"] = "value_error.jsondecode" }) }).ConfigureAwait(false);
            return;
        }

        try
        {
            await RouteAsync(context, path, EmulatorInput.Body(body), fault, agent, perplexity).ConfigureAwait(false);
        }
        catch (EmulatorInputException invalid) when (!context.Response.HasStarted)
        {
            await (agent ? AgentEndpoint.ValidationFailedAsync(context, invalid.Message.TrimEnd('.'))
                : perplexity ? EmulatorHttp.PerplexityErrorAsync(context, 400, invalid.Message, "invalid_request_error")
                : EmulatorHttp.AitronosErrorAsync(context, 422, "VALIDATION_ERROR", invalid.Message, "validation_error", new JsonObject { ["field"] = invalid.Field, ["expected"] = invalid.Expected })).ConfigureAwait(false);
        }
    }

    private async Task RouteAsync(HttpContext context, string path, JsonObject? body, EmulatorFault? fault, bool agent, bool perplexity)
    {
        var method = context.Request.Method;
        if (agent)
        {
            await _agent.HandleAsync(context, path, body, fault).ConfigureAwait(false);
        }
        else if (perplexity && method == "POST" && _chatCompletionsRetired)
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ChatCompletionsRetiredBody, context.RequestAborted).ConfigureAwait(false);
        }
        else if (perplexity && method == "POST")
        {
            await _perplexity.HandleAsync(context, body, fault).ConfigureAwait(false);
        }
        else if (path == AitronosResponsesEndpoint.Path && method == "POST")
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
    private async Task<bool> ApplyAsync(HttpContext context, EmulatorFault? fault, bool perplexity, bool agent)
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
                else if (agent && fault.StatusCode == 429)
                {
                    await AgentEndpoint.RateLimitedAsync(context).ConfigureAwait(false);
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
                await Task.Delay(fault.Delay, _clock, context.RequestAborted).ConfigureAwait(false);
                return false;
            default:
                return false;
        }
    }

    private static bool HasKey(HttpRequest request, bool perplexity)
    {
        var authorization = request.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) && authorization.Length > 7;
        return perplexity ? bearer : bearer || request.Headers["X-API-Key"].ToString().Length > 0 || request.Headers["Api-Key"].ToString().Length > 0;
    }
}
