using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>
/// Perplexity chat completions, with server-side threads (<c>use_threads</c> / <c>thread_id</c>).
/// Get one from <see cref="ThreadsClient.Perplexity"/>; it is thread-safe and shares the root
/// client's HTTP pipeline. Members are virtual so that calling code can be tested with a mock.
/// </summary>
public class PerplexityClient
{
    private static readonly ReplyReader<ChatCompletion> CompletionReader = static body => Wire.Parse<ChatCompletion>(body);
    private readonly ApiTransport _transport = null!;
    private readonly PerplexityOptions _options = null!;
    private volatile bool _chatCompletionsRetired;

    /// <summary>For mocking only: a client made this way has no transport and fails if called.</summary>
    protected PerplexityClient()
    {
    }

    internal PerplexityClient(ApiTransport transport, PerplexityOptions options, IThreadSessionStore store)
    {
        _transport = transport;
        _options = options;
        Agent = new PerplexityAgentClient(transport, options, store);
    }

    /// <summary>
    /// Perplexity's Agent API (<c>/v1/responses</c>), which replaced chat completions on 2026-09-27:
    /// create, stream, get and cancel responses, and sessions over it (<see cref="PerplexityAgentClient.StartSession"/>).
    /// </summary>
    public virtual PerplexityAgentClient Agent { get; } = null!;

    /// <summary>
    /// Whether a session of this client has met the retirement of chat completions and moved to the
    /// Agent API; from then on every turn of every session of this client goes there directly. Always
    /// false when <see cref="PerplexityOptions.ChatCompletionsRetirement"/> is <c>Throw</c>.
    /// </summary>
    public virtual bool ChatCompletionsRetired => _chatCompletionsRetired;

    internal PerplexityOptions Options => _options;

    /// <summary>Sends a chat completion request and returns the whole reply.</summary>
    /// <param name="request">The request. Validated before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The completion, with <see cref="ChatCompletionBase.ThreadId"/> when threads are on.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule (no messages, threads on a model other than <c>sonar-pro</c>, a thread id that is not a UUID or comes without <c>use_threads</c>, <c>Stream = true</c>).</exception>
    /// <exception cref="ThreadGoneException">The thread is unknown, expired or invalid: start a new one.</exception>
    /// <exception cref="ThreadsApiException">The service refused the request.</exception>
    public virtual Task<ChatCompletion> CreateChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        PerplexityRequestValidator.Validate(request, _options, nameof(request));
        if (request.Stream == true)
        {
            throw new ArgumentException("request.Stream is true: call StreamChatCompletionAsync to stream.", nameof(request));
        }

        var httpRequest = _transport.CreateRequest(HttpMethod.Post, PerplexityErrors.ChatCompletionsPath, PerplexityRequestWriter.Write(request), RequestProfile.Generation);

        // Observed (a GenAI span and metrics) only when someone listens: no extra allocation otherwise
        // (the observing closure lives in its own method, so an unobserved call never allocates it).
        return GenAiOperation.IsEnabled ? Observed(httpRequest, request, cancellationToken) : _transport.SendAsync(httpRequest, CompletionReader, PerplexityErrors.For(request), cancellationToken);
    }

    private Task<ChatCompletion> Observed(HttpRequestMessage httpRequest, ChatCompletionRequest request, CancellationToken cancellationToken) =>
        ObservedCall.Observe(_transport, request.Model, request.ThreadId, () => _transport.SendAsync(httpRequest, CompletionReader, PerplexityErrors.For(request), cancellationToken), Outcome, request);

    /// <summary>
    /// Sends a chat completion request with <c>stream: true</c> and yields each chunk as it arrives.
    /// Fold the chunks with <see cref="ChatCompletionStreamExtensions.ToChatCompletionAsync"/> or a
    /// <see cref="ChatCompletionBuilder"/>. Stopping early (<c>break</c>) closes the connection.
    /// </summary>
    /// <param name="request">The request. Validated now, before anything is sent; never modified.</param>
    /// <param name="cancellationToken">Cancels the call, checked before each chunk.</param>
    /// <returns>The chunks, in order.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule.</exception>
    public virtual IAsyncEnumerable<ChatCompletionChunk> StreamChatCompletionAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        PerplexityRequestValidator.Validate(request, _options, nameof(request));
        return FoldableStream<ChatCompletionChunk, ChatCompletionBuilder>.Of((Client: this, Request: request.WithStream(true)), static (call, fold, ct) => call.Client.Stream(call.Request, fold, ct), cancellationToken);
    }

    /// <summary>Where this client sends its requests (after the environment override, if any).</summary>
    public virtual Uri BaseAddress => _transport.Endpoint.BaseAddress;

    /// <summary>Starts a conversation on a new server-side thread (created by the first turn).</summary>
    /// <param name="options">The session's settings; copied now. Defaults apply when <see langword="null"/>.</param>
    /// <returns>The session; nothing is sent until its first turn.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public virtual PerplexitySession StartSession(PerplexitySessionOptions? options = null) =>
        CreateSession(options, NewRecord(conversationId: null), binding: null);

    /// <summary>Resumes a conversation on a thread from an earlier reply (for example one kept per user).</summary>
    /// <param name="threadId">The thread id (a UUID).</param>
    /// <param name="options">The session's settings; copied now.</param>
    /// <returns>The session; its next turn continues the thread (or falls back if it is gone).</returns>
    /// <exception cref="ArgumentException"><paramref name="threadId"/> is not a UUID, or a setting is invalid.</exception>
    public virtual PerplexitySession ResumeSession(string threadId, PerplexitySessionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(threadId);
        if (!PerplexityRequestValidator.IsUuid(threadId))
        {
            throw new ArgumentException("threadId must be a UUID (Perplexity thread ids are UUIDs).", nameof(threadId));
        }

        return CreateSession(options, NewRecord(threadId), binding: null);
    }

    /// <summary>
    /// Resumes a conversation from a record you kept (<see cref="ThreadSession{TMessage, TChunk, TReply}.Record"/>,
    /// stored wherever you like): its thread, transcript and counts. The session is not bound to a store:
    /// keep its <c>Record</c> again after each turn.
    /// </summary>
    /// <param name="record">A Perplexity thread session's record.</param>
    /// <param name="options">The session's settings; copied now.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentException">The record is not a Perplexity thread session's, or a setting is invalid.</exception>
    public virtual PerplexitySession ResumeSession(SessionRecord record, PerplexitySessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CreateSession(options, record.Expect(_transport.Endpoint.Provider, SessionKind.Thread, nameof(record)), binding: null);
    }

    /// <summary>The store that conversations by key live in: the client's <see cref="ThreadsClientOptions.SessionStore"/>, shared with <see cref="ThreadsClient.Sessions"/>.</summary>
    public virtual IThreadSessionStore SessionStore => Agent.SessionStore;

    internal PerplexitySession CreateSession(PerplexitySessionOptions? options, SessionRecord record, SessionBinding? binding)
    {
        var settings = (PerplexitySessionOptions)(options ?? new PerplexitySessionOptions()).Snapshot();
        var model = settings.Model ?? _options.DefaultModel;
        return new PerplexitySession(new PerplexityConversation(this, model, settings.ConfigureRequest, settings.ConfigureAgentRequest) { TranscriptsAllowed = _transport.KeepsTranscripts }, settings, record, binding, _transport.Clock, _transport.Logger);
    }

    internal SessionRecord NewRecord(string? conversationId) =>
        new() { Provider = _transport.Endpoint.Provider, Kind = SessionKind.Thread, ConversationId = conversationId, CreatedAt = _transport.Clock.GetUtcNow() };

    internal void RememberChatCompletionsRetired()
    {
        if (!_chatCompletionsRetired)
        {
            _chatCompletionsRetired = true;
            Log.ChatCompletionsRetired(_transport.Logger, _transport.Endpoint.Provider);
        }
    }

    /// <summary>A generation's stream (enumerated, or folded into <paramref name="fold"/>), observed when someone listens.</summary>
    internal IAsyncEnumerable<ChatCompletionChunk> Stream(ChatCompletionRequest request, ChatCompletionBuilder? fold, CancellationToken cancellationToken) =>
        GenAiOperation.IsEnabled ? ObservedStream(request, fold, cancellationToken) : StreamCore(request, fold, cancellationToken);

    /// <summary>The stream under a GenAI operation; its own method, so that an unobserved stream allocates no closure.</summary>
    private IAsyncEnumerable<ChatCompletionChunk> ObservedStream(ChatCompletionRequest request, ChatCompletionBuilder? fold, CancellationToken cancellationToken) =>
        ObservedCall.Observe(_transport, request.Model, request.ThreadId, StreamCore(request, fold, cancellationToken), fold is null ? Outcome : null, fold is null ? null : () => Outcome(fold.Metadata, fold.FinishReason), request);

    /// <summary>What a completion or chunk says about itself, for telemetry.</summary>
    internal static GenAiOutcome Outcome(ChatCompletionBase reply) =>
        Outcome(reply, reply.Choices.Count > 0 ? reply.Choices[0].FinishReason : null);

    private static GenAiOutcome Outcome(ChatCompletionBase reply, string? finishReason) =>
        new(reply.Model, reply.Id, reply.Usage?.PromptTokens, reply.Usage?.CompletionTokens, finishReason, reply.ThreadId, OutputText: (reply as ChatCompletion)?.Content);

    /// <summary>
    /// Sends the streaming request and reads its events: into chunk objects it yields, or, when
    /// <paramref name="fold"/> is given, straight into that builder (yielding nothing).
    /// </summary>
    internal async IAsyncEnumerable<ChatCompletionChunk> StreamCore(ChatCompletionRequest request, ChatCompletionBuilder? fold, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var httpRequest = _transport.CreateRequest(HttpMethod.Post, PerplexityErrors.ChatCompletionsPath, PerplexityRequestWriter.Write(request), RequestProfile.StreamingGeneration);
        var response = await _transport.SendForStreamAsync(httpRequest, PerplexityErrors.For(request), cancellationToken).ConfigureAwait(false);
        if (ReplyChecks.IsJsonInsteadOfStream(response))
        {
            // A server that answered the stream with one JSON completion: one chunk carrying its whole message (or its error).
            var whole = await _transport.ReadJsonInsteadOfStreamAsync(response, static json => Wire.Parse<ChatCompletionChunk>(json), PerplexityErrors.For(request), cancellationToken).ConfigureAwait(false);

            // Its message is the whole of the stream's text: the delta too, so that a caller printing DeltaText sees it.
            foreach (var choice in whole.Choices)
            {
                choice.Delta ??= choice.Message;
            }

            if (fold is null)
            {
                yield return whole;
            }
            else
            {
                fold.Append(whole);
            }

            yield break;
        }

        var received = fold is null ? new ReceivedText() : null;
        Func<string> partialText = fold is null ? received!.ToString : fold.PartialText;
        if (fold is not null)
        {
            _transport.Attach(fold.Metadata, response);
        }

        var finished = false;
        await foreach (var frame in SseStream.ReadAsync(response, (type, data) => PerplexityStreamFrame.Parse(type, data, fold), _transport.Endpoint, partialText, cancellationToken).ConfigureAwait(false))
        {
            if (frame.IsDone)
            {
                yield break;
            }

            if (frame.ErrorBody is not null)
            {
                throw frame.ToException(_transport.Endpoint, partialText());
            }

            if (frame.Item is { } chunk)
            {
                finished |= chunk.Choices.Count > 0 && chunk.Choices[0].FinishReason is not null;
                received!.Append(chunk.DeltaText);
                yield return _transport.Attach(chunk, response);
            }
        }

        // A stream may close without [DONE], but not before the answer says it is finished: one that ends
        // with no finish_reason was cut (a proxy, a dropped upstream), and its text is not the answer.
        if (!finished && fold?.FinishReason is null)
        {
            throw StreamIncomplete.Exception(_transport.Endpoint, "a chunk with a finish_reason", partialText());
        }
    }
}
