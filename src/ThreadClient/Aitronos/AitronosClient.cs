using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>
/// The Aitronos (Freddy) API: model responses with threads or <c>previousResponseId</c> chaining,
/// and <see cref="Threads"/> for <c>/v1/threads</c>. Get one from <see cref="ThreadsClient.Aitronos"/>;
/// thread-safe. Members are virtual so that calling code can be tested with a mock.
/// </summary>
public class AitronosClient
{
    internal const string ResponsePath = "v1/model/response";

    private readonly ApiTransport _transport = null!;
    private readonly AitronosOptions _options = null!;
    private readonly IThreadSessionStore _store = null!;
    private readonly AitronosReplyReader _replies = null!;

    /// <summary>For mocking only: a client made this way has no transport and fails if called.</summary>
    protected AitronosClient()
    {
        Threads = null!;
    }

    internal AitronosClient(ApiTransport transport, AitronosOptions options, IThreadSessionStore store)
    {
        _transport = transport;
        _options = options;
        _store = store;
        _replies = new AitronosReplyReader(transport.Endpoint);
        Threads = new AitronosThreadsClient(transport, options);
    }

    /// <summary>Threads: create, get, list, update, lock, unlock, archive, delete, and their messages.</summary>
    public virtual AitronosThreadsClient Threads { get; }

    /// <summary>Creates a model response and returns it whole.</summary>
    /// <param name="request">The request. Validated before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; <see cref="AitronosResponse.OutputText"/> is its text.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule (no model or inputs, <c>thread</c> with <c>previousResponseId</c>, metadata over the limits).</exception>
    /// <exception cref="ThreadNotWritableException">The thread is locked or archived.</exception>
    /// <exception cref="ThreadGoneException">The thread or previous response is gone: start again.</exception>
    /// <exception cref="ThreadsApiException">The service refused the request.</exception>
    public virtual Task<AitronosResponse> CreateResponseAsync(AitronosResponseRequest request, CancellationToken cancellationToken = default)
    {
        AitronosRequestValidator.Validate(request, _options.MetadataLimits, nameof(request));
        var httpRequest = CreateHttpRequest(AitronosRequestWriter.Write(request, _options, stream: false), stream: false);
        return GenAiOperation.IsEnabled ? Observed(httpRequest, request, cancellationToken) : SendAsync(httpRequest, Errors(request), cancellationToken);
    }

    /// <summary>The call under a GenAI operation; its own method, so that an unobserved call allocates no closure.</summary>
    private Task<AitronosResponse> Observed(HttpRequestMessage httpRequest, AitronosResponseRequest request, CancellationToken cancellationToken) =>
        ObservedCall.Observe(_transport, request.Model, request.Thread?.Id, () => SendAsync(httpRequest, Errors(request), cancellationToken), Outcome, request);

    /// <summary>
    /// Creates a model response with <c>stream: true</c> and yields its events as they arrive.
    /// An error event after the stream started raises <see cref="ThreadsStreamException"/> carrying
    /// the text received so far. Fold with <see cref="AitronosStreamExtensions.ToResponseAsync"/>.
    /// </summary>
    /// <param name="request">The request. Validated now, before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call, checked before each event.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule.</exception>
    public virtual IAsyncEnumerable<AitronosStreamEvent> StreamResponseAsync(AitronosResponseRequest request, CancellationToken cancellationToken = default)
    {
        AitronosRequestValidator.Validate(request, _options.MetadataLimits, nameof(request));
        // The body is written now (the request as it is at this call); each enumeration sends its own message with it.
        var body = AitronosRequestWriter.Write(request, _options, stream: true);
        return FoldableStream<AitronosStreamEvent, AitronosResponseBuilder>.Of((Client: this, Call: new StreamCall(body, Errors(request), request.Model, request.Thread?.Id)), static (call, fold, ct) => call.Client.Stream(call.Call, fold, ct), cancellationToken);
    }

    /// <summary>A generation's stream (enumerated, or folded into <paramref name="fold"/>), observed when someone listens.</summary>
    internal IAsyncEnumerable<AitronosStreamEvent> Stream(StreamCall call, AitronosResponseBuilder? fold, CancellationToken cancellationToken) =>
        GenAiOperation.IsEnabled ? ObservedStream(call, fold, cancellationToken) : StreamCore(call, fold, cancellationToken);

    /// <summary>The stream under a GenAI operation; its own method, so that an unobserved stream allocates no closure.</summary>
    private IAsyncEnumerable<AitronosStreamEvent> ObservedStream(StreamCall call, AitronosResponseBuilder? fold, CancellationToken cancellationToken) =>
        ObservedCall.Observe(
            _transport,
            call.Model,
            call.ThreadId,
            StreamCore(call, fold, cancellationToken),
            fold is null ? static e => e.Response is { } r ? Outcome(r) : new GenAiOutcome(ResponseId: e.ResponseId, ConversationId: e.ThreadId) : null,
            fold is null ? null : () => fold.Completed is { } r ? Outcome(r) : new GenAiOutcome(ResponseId: fold.ResponseId, ConversationId: fold.ThreadId));

    /// <summary>Where this client sends its requests (after the environment override, if any).</summary>
    public virtual Uri BaseAddress => _transport.Endpoint.BaseAddress;

    /// <summary>Starts a conversation on a new named thread (created by its first turn; see <see cref="AitronosSessionOptions.ThreadIdFactory"/>).</summary>
    /// <param name="options">The session's settings; copied now. Defaults apply when <see langword="null"/>.</param>
    /// <returns>The session; nothing is sent until its first turn.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public virtual AitronosSession StartSession(AitronosSessionOptions? options = null) =>
        CreateSession(options, NewRecord(SessionKind.Thread, conversationId: null), binding: null);

    /// <summary>Resumes (or, for an id never used, starts) the conversation on a named thread, for example <c>support_{userId}_{ticketId}</c>.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The session's settings; copied now.</param>
    /// <returns>The session; its next turn goes to that thread.</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is empty, or a setting is invalid.</exception>
    public virtual AitronosSession ResumeSession(string threadId, AitronosSessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        return CreateSession(options, NewRecord(SessionKind.Thread, threadId), binding: null);
    }

    /// <summary>
    /// Resumes a conversation from a record you kept (<see cref="ThreadSession{TMessage, TChunk, TReply}.Record"/>,
    /// stored wherever you like): its thread, transcript and counts. The session is not bound to a store:
    /// keep its <c>Record</c> again after each turn.
    /// </summary>
    /// <param name="record">An Aitronos thread session's record.</param>
    /// <param name="options">The session's settings; copied now.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentException">The record is not an Aitronos thread session's, or a setting is invalid.</exception>
    public virtual AitronosSession ResumeSession(SessionRecord record, AitronosSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CreateSession(options, record.Expect(_transport.Endpoint.Provider, SessionKind.Thread, nameof(record)), binding: null);
    }

    /// <summary>The store that conversations by key live in: the client's <see cref="ThreadsClientOptions.SessionStore"/>, shared with <see cref="ThreadsClient.Sessions"/>.</summary>
    public virtual IThreadSessionStore SessionStore => _store;

    /// <summary>Starts a <c>previousResponseId</c> chain: a conversation without a thread.</summary>
    /// <param name="options">The chain's settings; copied now. Defaults apply when <see langword="null"/>.</param>
    /// <returns>The chain; nothing is sent until its first turn.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public virtual ResponseChain StartChain(ResponseChainOptions? options = null) =>
        CreateChain(options, NewRecord(SessionKind.ResponseChain, conversationId: null), binding: null);

    /// <summary>Continues a chain from a known response.</summary>
    /// <param name="previousResponseId">The response to chain from.</param>
    /// <param name="respondedAt">When that response was created, so that the chain restarts before the service's 24-hour limit; unknown when <see langword="null"/>.</param>
    /// <param name="options">The chain's settings; copied now.</param>
    /// <returns>The chain.</returns>
    /// <exception cref="ArgumentException"><paramref name="previousResponseId"/> is empty, or a setting is invalid.</exception>
    public virtual ResponseChain ResumeChain(string previousResponseId, DateTimeOffset? respondedAt = null, ResponseChainOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(previousResponseId);
        var record = NewRecord(SessionKind.ResponseChain, previousResponseId) with { LastUsedAt = respondedAt, ThreadStartedAt = respondedAt };
        return CreateChain(options, record, binding: null);
    }

    internal AitronosSession CreateSession(AitronosSessionOptions? options, SessionRecord record, SessionBinding? binding)
    {
        var settings = (AitronosSessionOptions)(options ?? new AitronosSessionOptions()).Snapshot();
        var driver = AitronosConversation.ForThread(this, settings.Model ?? _options.DefaultModel, settings);
        driver.TranscriptsAllowed = _transport.KeepsTranscripts;
        return new AitronosSession(driver, settings, record, binding, _transport.Clock, _transport.Logger);
    }

    internal ResponseChain CreateChain(ResponseChainOptions? options, SessionRecord record, SessionBinding? binding)
    {
        var settings = (ResponseChainOptions)(options ?? new ResponseChainOptions()).Snapshot();
        var driver = AitronosConversation.ForChain(this, settings.Model ?? _options.DefaultModel, settings);
        driver.TranscriptsAllowed = _transport.KeepsTranscripts;
        return new ResponseChain(driver, settings, record, binding, _transport.Clock, _transport.Logger);
    }

    internal SessionRecord NewRecord(SessionKind kind, string? conversationId) =>
        new() { Provider = _transport.Endpoint.Provider, Kind = kind, ConversationId = conversationId, CreatedAt = _transport.Clock.GetUtcNow() };

    private static ErrorMapper Errors(AitronosResponseRequest request) =>
        AitronosErrors.ForResponse(threadNamed: request.Thread is not null, chained: request.PreviousResponseId is not null);

    private HttpRequestMessage CreateHttpRequest(byte[] body, bool stream) =>
        _transport.CreateRequest(HttpMethod.Post, ResponsePath, JsonBody.FromUtf8(body), stream ? RequestProfile.StreamingGeneration : RequestProfile.Generation);

    private Task<AitronosResponse> SendAsync(HttpRequestMessage httpRequest, ErrorMapper errors, CancellationToken cancellationToken) =>
        _transport.SendAsync(httpRequest, _replies.Read, errors, cancellationToken);

    /// <summary>What a response says about itself, for telemetry (its status stands for the finish reason).</summary>
    private static GenAiOutcome Outcome(AitronosResponse response) =>
        new(response.Model, response.Id, response.Usage?.InputTokens, response.Usage?.OutputTokens, response.Status, response.ThreadId, OutputText: response.OutputText);

    /// <summary>
    /// Sends the streaming request and reads its events: yielding each, or, when <paramref name="fold"/>
    /// is given, appending each to that builder (yielding nothing), every event read into one object.
    /// </summary>
    private async IAsyncEnumerable<AitronosStreamEvent> StreamCore(StreamCall call, AitronosResponseBuilder? fold, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await _transport.SendForStreamAsync(CreateHttpRequest(call.Body, stream: true), call.Errors, cancellationToken).ConfigureAwait(false);
        if (ReplyChecks.IsJsonInsteadOfStream(response))
        {
            // A server that answered the stream with one JSON response: one completed event carrying it (or its error).
            var whole = await _transport.ReadJsonInsteadOfStreamAsync(response, _replies.Read, call.Errors, cancellationToken).ConfigureAwait(false);
            var completed = new AitronosStreamEvent { EventType = "response.completed", Kind = AitronosStreamEventKind.Completed, Response = whole, ResponseId = whole.Id, ThreadId = whole.ThreadId };
            if (fold is null)
            {
                yield return completed;
            }
            else
            {
                fold.Append(completed);
            }

            yield break;
        }

        var received = fold is null ? new ReceivedText() : null;
        Func<string> partialText = fold is null ? received!.ToString : fold.PartialText;
        var finished = false;
        await foreach (var frame in SseStream.ReadAsync(response, (type, data) => AitronosStreamFrame.Parse(type, data, fold), _transport.Endpoint, partialText, cancellationToken).ConfigureAwait(false))
        {
            if (frame.IsDone)
            {
                break;
            }

            if (frame.ErrorBody is not null)
            {
                throw frame.ToException(_transport.Endpoint, partialText());
            }

            if (frame.Item is { } item)
            {
                finished |= item.Kind == AitronosStreamEventKind.Completed;
                if (item.Response is { } carried)
                {
                    _transport.Attach(carried, response);
                }

                if (fold is not null)
                {
                    fold.Append(item);
                    continue;
                }

                if (item.Kind == AitronosStreamEventKind.ContentDelta)
                {
                    received!.Append(item.Delta);
                }

                yield return item;
            }
        }

        if (!finished)
        {
            throw StreamIncomplete.Exception(_transport.Endpoint, "response.completed", partialText());
        }
    }

    /// <summary>What a streaming call sends, written when the call was made: the body, its error mapping, and what telemetry names.</summary>
    internal sealed record StreamCall(byte[] Body, ErrorMapper Errors, string? Model, string? ThreadId);
}
