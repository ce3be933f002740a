using System.Runtime.CompilerServices;
using System.Text.Json;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Perplexity's Agent API (<c>POST /v1/responses</c>, alias <c>/v1/agent</c>), which replaced Sonar
/// chat completions on 2026-09-27: create, stream, get and cancel responses, and sessions that carry a
/// conversation across turns although the service keeps no thread. Get it from
/// <see cref="PerplexityClient.Agent"/>; it shares the root client's HTTP pipeline and key. Members
/// are virtual so that calling code can be tested with a mock.
/// </summary>
public class PerplexityAgentClient
{
    private static readonly ReplyReader<AgentResponse> ResponseReader = static json => Wire.Parse<AgentResponse>(json);
    private static readonly ReplyReader<AgentCancellation> CancellationReader = static json => Wire.Parse<AgentCancellation>(json);
    private readonly ApiTransport _transport = null!;
    private readonly PerplexityOptions _options = null!;
    private readonly IThreadSessionStore _store = null!;

    /// <summary>For mocking only: a client made this way has no transport and fails if called.</summary>
    protected PerplexityAgentClient()
    {
    }

    internal PerplexityAgentClient(ApiTransport transport, PerplexityOptions options, IThreadSessionStore store)
    {
        _transport = transport;
        _options = options;
        _store = store;
    }

    /// <summary>Creates a response and returns it whole.</summary>
    /// <param name="request">The request. Validated before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; <see cref="AgentResponse.OutputText"/> is the answer.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule (no input, more than five fallback models, <c>Stream = true</c>).</exception>
    /// <exception cref="PreviousResponseUnavailableException">The service does not know <see cref="AgentRequest.PreviousResponseId"/>.</exception>
    /// <exception cref="ThreadsApiException">The service refused the request.</exception>
    public virtual Task<AgentResponse> CreateResponseAsync(AgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request, nameof(request));
        if (request.Stream == true)
        {
            throw new ArgumentException("request.Stream is true: call StreamResponseAsync to stream.", nameof(request));
        }

        var httpRequest = _transport.CreateRequest(HttpMethod.Post, _options.AgentPath, Body(request), RequestProfile.Generation);
        return GenAiOperation.IsEnabled ? Observed(httpRequest, request, cancellationToken) : _transport.SendAsync(httpRequest, ResponseReader, AgentErrors.For(request), cancellationToken);
    }

    /// <summary>The call under a GenAI operation; its own method, so that an unobserved call allocates no closure.</summary>
    private Task<AgentResponse> Observed(HttpRequestMessage httpRequest, AgentRequest request, CancellationToken cancellationToken) =>
        ObservedCall.Observe(_transport, request.Model ?? request.Preset, conversationId: null, () => _transport.SendAsync(httpRequest, ResponseReader, AgentErrors.For(request), cancellationToken), Outcome, request);

    /// <summary>
    /// Creates a response with <c>stream: true</c> and yields its events as they arrive. Fold them with
    /// <see cref="AgentStreamExtensions.ToResponseAsync"/> or an <see cref="AgentResponseBuilder"/>.
    /// Stopping early (<c>break</c>) closes the connection.
    /// </summary>
    /// <param name="request">The request. Validated now, before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call, checked before each event.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule.</exception>
    /// <exception cref="ThreadsStreamException">While enumerating: <c>response.failed</c>, an error frame after HTTP 200, a broken connection, or a stream that ended before <c>response.completed</c>; <see cref="ThreadsStreamException.PartialText"/> holds the text received.</exception>
    public virtual IAsyncEnumerable<AgentStreamEvent> StreamResponseAsync(AgentRequest request, CancellationToken cancellationToken = default)
    {
        AgentRequestValidator.Validate(request, nameof(request));
        return FoldableStream<AgentStreamEvent, AgentResponseBuilder>.Of((Client: this, Request: request.WithStream(true)), static (call, fold, ct) => call.Client.Stream(call.Request, fold, ct), cancellationToken);
    }

    /// <summary>Gets a stored response by id (for example to poll a <see cref="AgentRequest.Background"/> one).</summary>
    /// <param name="responseId">The response id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response as the service has it now.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is empty.</exception>
    /// <exception cref="ThreadsApiException">The service refused (404: no such stored response).</exception>
    public virtual Task<AgentResponse> GetResponseAsync(string responseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        var httpRequest = _transport.CreateRequest(HttpMethod.Get, AgentErrors.ResponsesPath + "/" + Uri.EscapeDataString(responseId), content: null);
        return _transport.SendAsync(httpRequest, ResponseReader, AgentErrors.Plain, cancellationToken);
    }

    /// <summary>Asks the service to stop a running (background) response.</summary>
    /// <param name="responseId">The response id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The service's answer, <c>status: "cancelling"</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="responseId"/> is empty.</exception>
    /// <exception cref="ThreadsApiException">The service refused.</exception>
    public virtual Task<AgentCancellation> CancelResponseAsync(string responseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responseId);
        var httpRequest = _transport.CreateRequest(HttpMethod.Post, AgentErrors.ResponsesPath + "/" + Uri.EscapeDataString(responseId) + "/cancel", content: null);
        return _transport.SendAsync(httpRequest, CancellationReader, AgentErrors.Plain, cancellationToken);
    }

    /// <summary>Where this client sends its requests (after the environment override, if any).</summary>
    public virtual Uri BaseAddress => _transport.Endpoint.BaseAddress;

    /// <summary>The client's clock (<see cref="ThreadsClientOptions.TimeProvider"/>), which dates session records.</summary>
    public virtual TimeProvider TimeProvider => _transport.Clock;

    /// <summary>The store that conversations by key live in: the client's <see cref="ThreadsClientOptions.SessionStore"/>, shared with <see cref="ThreadsClient.Sessions"/>.</summary>
    public virtual IThreadSessionStore SessionStore => _store;

    /// <summary>
    /// The Agent API target for a Sonar model name under <see cref="PerplexityOptions.SonarModelMap"/>: a
    /// model when it contains a <c>/</c> (<c>perplexity/sonar</c>), otherwise a preset (<c>low</c>).
    /// A name already in <c>provider/model</c> form is returned as it is.
    /// </summary>
    /// <param name="model">A Sonar model name, for example <c>sonar-pro</c>.</param>
    /// <returns>The model or preset.</returns>
    public virtual string MapSonarModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return ChatCompletionsOnAgent.Target(model, _options);
    }

    /// <summary>Starts a conversation on the Agent API.</summary>
    /// <param name="options">The session's settings; copied now. Defaults apply when <see langword="null"/>.</param>
    /// <returns>The session; nothing is sent until its first turn.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public virtual PerplexityAgentSession StartSession(AgentSessionOptions? options = null) => CreateSession(options, record: null, binding: null);

    /// <summary>
    /// Gets the conversation of a key from the client's session store (<see cref="ThreadsClientOptions.SessionStore"/>,
    /// the same as <see cref="ThreadsClient.Sessions"/>), or starts one. Its transcript lives in the store,
    /// so an app instance sharing the store continues the same conversation.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="options">Settings for the session (they are not stored: pass the same ones each time).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>The session, resumed from the store when the key is known.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The key holds another kind of conversation.</exception>
    public virtual async Task<PerplexityAgentSession> GetOrStartSessionAsync(string key, AgentSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var record = await SessionBinding.LoadAsync(_store, key, _transport.Endpoint.Provider, SessionKind.Agent, cancellationToken).ConfigureAwait(false);
        return CreateSession(options, record, new SessionBinding(_store, key));
    }

    internal PerplexityAgentSession CreateSession(AgentSessionOptions? options, SessionRecord? record, SessionBinding? binding)
    {
        var settings = (AgentSessionOptions)(options ?? new AgentSessionOptions()).Snapshot();
        var driver = new AgentConversation(this, settings, ChatCompletionsOnAgent.Target(_options.DefaultModel, _options)) { TranscriptsAllowed = _transport.KeepsTranscripts };
        return new PerplexityAgentSession(driver, settings, record ?? NewRecord(settings), binding, _transport.Clock, _transport.Logger);
    }

    /// <summary>A new conversation's record: in replay mode it is stateless from the start (the service never holds it).</summary>
    internal SessionRecord NewRecord(AgentSessionOptions? options) => new()
    {
        Provider = _transport.Endpoint.Provider,
        Kind = SessionKind.Agent,
        IsStateless = (options?.ContextMode ?? AgentContextMode.Replay) == AgentContextMode.Replay,
        CreatedAt = _transport.Clock.GetUtcNow(),
    };

    internal static ByteArrayContent Body(AgentRequest request) =>
        JsonBody.CreateWithExtras(request, AgentJsonContext.Default.AgentRequest, request.AdditionalProperties);

    /// <summary>
    /// Sends the streaming request and reads its events: yielding each, or, when <paramref name="fold"/>
    /// is given, appending each to that builder (yielding nothing), so that a folded stream keeps its
    /// text once.
    /// </summary>
    internal async IAsyncEnumerable<AgentStreamEvent> StreamCore(AgentRequest request, AgentResponseBuilder? fold, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var endpoint = _transport.Endpoint;
        var httpRequest = _transport.CreateRequest(HttpMethod.Post, _options.AgentPath, Body(request), RequestProfile.StreamingGeneration);
        var response = await _transport.SendForStreamAsync(httpRequest, AgentErrors.For(request), cancellationToken).ConfigureAwait(false);
        if (ReplyChecks.IsJsonInsteadOfStream(response))
        {
            // A server that answered the stream with one JSON reply: that reply (or its error) is the whole stream.
            var whole = await _transport.ReadJsonInsteadOfStreamAsync(response, ResponseReader, AgentErrors.For(request), cancellationToken).ConfigureAwait(false);
            if (whole.Status == AgentResponseStatus.Failed)
            {
                throw AgentErrors.Failed(endpoint, whole.Error, "The response failed.", "response_failed", "");
            }

            var completedEvent = new AgentStreamEvent { Type = "response.completed", Response = whole };
            if (fold is null)
            {
                yield return completedEvent;
            }
            else
            {
                fold.Append(completedEvent);
            }

            yield break;
        }

        var received = fold is null ? new ReceivedText() : null;
        Func<string> partialText = fold is null ? received!.ToString : fold.PartialText;
        var completed = false;
        await foreach (var frame in SseStream.ReadAsync(response, (type, data) => AgentStreamFrame.Parse(type, data, fold), endpoint, partialText, cancellationToken).ConfigureAwait(false))
        {
            if (frame.IsDone)
            {
                break;
            }

            if (frame.ErrorBody is not null)
            {
                throw frame.ToException(endpoint, partialText());
            }

            if (frame.Item is not { } item)
            {
                continue;
            }

            if (item.Response is { } carried)
            {
                _transport.Attach(carried, response);
            }

            switch (item.Kind)
            {
                case AgentStreamEventKind.Failed:
                    throw AgentErrors.Failed(endpoint, item.Error ?? item.Response?.Error, "The response failed.", "response_failed", partialText());
                case AgentStreamEventKind.OutputTextDelta:
                    received?.Append(item.Delta);
                    break;
                case AgentStreamEventKind.Completed:
                    completed = true;
                    if (item.Response is { Status: AgentResponseStatus.Failed } failed)
                    {
                        throw AgentErrors.Failed(endpoint, failed.Error, "The response failed.", "response_failed", partialText());
                    }

                    break;
            }

            if (fold is not null)
            {
                fold.Append(item);
                continue;
            }

            yield return item;
        }

        if (!completed)
        {
            throw StreamIncomplete.Exception(endpoint, "response.completed", partialText());
        }
    }

    /// <summary>A generation's stream (enumerated, or folded into <paramref name="fold"/>), observed when someone listens.</summary>
    internal IAsyncEnumerable<AgentStreamEvent> Stream(AgentRequest request, AgentResponseBuilder? fold, CancellationToken cancellationToken) =>
        GenAiOperation.IsEnabled ? ObservedStream(request, fold, cancellationToken) : StreamCore(request, fold, cancellationToken);

    /// <summary>The stream under a GenAI operation; its own method, so that an unobserved stream allocates no closure.</summary>
    private IAsyncEnumerable<AgentStreamEvent> ObservedStream(AgentRequest request, AgentResponseBuilder? fold, CancellationToken cancellationToken) =>
        ObservedCall.Observe(_transport, request.Model ?? request.Preset, conversationId: null, StreamCore(request, fold, cancellationToken), fold is null ? static e => e.Response is { } r ? Outcome(r) : default : null, fold is null ? null : () => fold.Response is { } r ? Outcome(r) : default, request);

    /// <summary>What a response says about itself, for telemetry (the Agent API keeps no thread; its status stands for the finish reason).</summary>
    private static GenAiOutcome Outcome(AgentResponse response) =>
        new(
            response.Model,
            response.Id,
            response.Usage?.InputTokens,
            response.Usage?.OutputTokens,
            response.Status,
            CacheReadInputTokens: response.Usage?.InputTokensDetails?.CacheReadInputTokens ?? response.Usage?.InputTokensDetails?.CachedTokens,
            CacheCreationInputTokens: response.Usage?.InputTokensDetails?.CacheCreationInputTokens,
            OutputText: response.OutputText);
}
