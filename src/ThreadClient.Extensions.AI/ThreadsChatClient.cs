using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// The one <see cref="IChatClient"/> flow for both providers: <see cref="ChatOptions.ConversationId"/> is the
/// thread id. Absent, a new thread is started with the given messages; present, only the given messages
/// are sent on that thread. A gone thread falls back as a session does, and the response says so.
/// </summary>
internal abstract class ThreadsChatClient<TMessage, TChunk, TReply> : IChatClient, IConversationEraser
    where TMessage : class
{
    private readonly ChatClientMetadata _metadata;

    protected ThreadsChatClient(ChatClientMetadata metadata) => _metadata = metadata;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var given = Given(messages, options);
        if (IsStateless(options))
        {
            return await StatelessAsync(Turn(given, options), options, cancellationToken).ConfigureAwait(false);
        }

        var session = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var reply = await session.Session.SendAsync(Turn(NewMessages(given, session.Held), options), cancellationToken).ConfigureAwait(false);
        var response = ToResponse(reply.Reply, reply.Text);
        response.ConversationId = ConversationIdAfter(session.Session, reply);
        Report(session.Replaced ?? reply.Replacement, response.AdditionalProperties ??= []);
        await RememberAsync(session.Session, reply, response.AdditionalProperties, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var given = Given(messages, options);
        if (IsStateless(options))
        {
            await foreach (var chunk in StreamStateless(Turn(given, options), options, cancellationToken).ConfigureAwait(false))
            {
                yield return ToUpdate(chunk, conversationId: null);
            }

            yield break;
        }

        var session = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var stream = session.Session.StreamAsync(Turn(NewMessages(given, session.Held), options), cancellationToken);
        string? known = null;
        await foreach (var chunk in stream.ConfigureAwait(false))
        {
            // By the first chunk the turn has started (and any fallback has happened): its conversation is known, or the chunk names it.
            known = ConversationIdOf(chunk) ?? known ?? KnownConversationId(session.Session, stream);
            yield return ToUpdate(chunk, known);
        }

        var reply = stream.Reply;
        var last = ToFinalUpdate(reply.Reply);
        last.ConversationId = ConversationIdAfter(session.Session, reply);
        Report(session.Replaced ?? reply.Replacement, last.AdditionalProperties ??= []);
        await RememberAsync(session.Session, reply, last.AdditionalProperties, cancellationToken).ConfigureAwait(false);
        yield return last;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : Provider is { } provider && serviceType.IsInstanceOfType(provider) ? provider
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>The ThreadClient provider client underneath, returned by <see cref="GetService"/>.</summary>
    protected abstract object? Provider { get; }

    protected abstract TMessage Convert(ChatRole role, string text);

    protected abstract bool IsStateless(ChatOptions? options);

    /// <summary>The session the call's turn goes to, and, when the conversation the caller named is gone before sending, what replaced it.</summary>
    protected abstract ValueTask<OpenedSession> OpenAsync(ChatOptions? options, CancellationToken cancellationToken);

    /// <summary>The response's <c>ConversationId</c> after the turn: the session's thread id unless a provider says otherwise.</summary>
    protected virtual string? ConversationIdAfter(ThreadSession<TMessage, TChunk, TReply> session, SessionReply<TReply> reply) => reply.ConversationId;

    /// <summary>The <c>ConversationId</c> streamed updates carry before a chunk names one: the started turn's conversation.</summary>
    protected virtual string? KnownConversationId(ThreadSession<TMessage, TChunk, TReply> session, StreamedTurn<TChunk, TReply> stream) => stream.ConversationId;

    protected abstract Task<ChatResponse> StatelessAsync(IReadOnlyList<TMessage> turn, ChatOptions? options, CancellationToken cancellationToken);

    protected abstract IAsyncEnumerable<TChunk> StreamStateless(IReadOnlyList<TMessage> turn, ChatOptions? options, CancellationToken cancellationToken);

    protected abstract ChatResponse ToResponse(TReply reply, string text);

    protected abstract ChatResponseUpdate ToUpdate(TChunk chunk, string? conversationId);

    protected abstract ChatResponseUpdate ToFinalUpdate(TReply reply);

    protected abstract string? ConversationIdOf(TChunk chunk);

    protected static ValueTask<OpenedSession> Opened(ThreadSession<TMessage, TChunk, TReply> session) => new(new OpenedSession(session, null));

    /// <summary>
    /// Where a thread conversation's state (thread, transcript, counts) is kept between calls, so that
    /// replay, rollover and limits work through <see cref="IChatClient"/> as on a session: the client's
    /// session store, under a key derived from the conversation id (never the id itself). Null when the
    /// adapter keeps its state another way.
    /// </summary>
    protected virtual IThreadSessionStore? ConversationStore => null;

    /// <summary>The state kept for a conversation id, when there is one for this provider and thread.</summary>
    protected async ValueTask<SessionRecord?> HeldAsync(string conversationId, string provider, CancellationToken cancellationToken)
    {
        if (ConversationStore is not { } store)
        {
            return null;
        }

        var record = await store.GetAsync(StoreKey(conversationId), cancellationToken).ConfigureAwait(false);
        return record is not null && record.Holds(provider, SessionKind.Thread) && record.ConversationId == conversationId ? record : null;
    }

    /// <summary>Erases the conversation's state in the store and, where the provider can delete it, the provider's copy.</summary>
    public Task<ThreadClient.Privacy.ForgetResult> ForgetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return Eraser.ForgetAsync(ErasureKey(conversationId), cancellationToken);
    }

    /// <summary>What erases this adapter's conversations (the store its state is in, and the provider's deleting API, if any).</summary>
    protected virtual ThreadClient.Privacy.SessionEraser Eraser =>
        new(ConversationStore ?? throw new InvalidOperationException("This adapter keeps no conversation state."), null);

    /// <summary>The store key of a conversation id.</summary>
    protected virtual string ErasureKey(string conversationId) => StoreKey(conversationId);

    /// <summary>The key of a conversation's state: a hash of the provider and conversation id, so that thread ids stay values, never keys.</summary>
    private string StoreKey(string conversationId) =>
        "chat_" + System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_metadata.ProviderName + "\n" + conversationId))).ToLowerInvariant();

    /// <summary>Keeps the conversation's state under its id after the turn (and forgets the state of a thread the turn replaced).</summary>
    private async Task RememberAsync(ThreadSession<TMessage, TChunk, TReply> session, SessionReply<TReply> reply, AdditionalPropertiesDictionary properties, CancellationToken cancellationToken)
    {
        if (ConversationStore is not { } store || reply.ConversationId is not { } conversationId)
        {
            return;
        }

        try
        {
            await store.SetAsync(StoreKey(conversationId), session.Record, cancellationToken).ConfigureAwait(false);
            if (reply.Replacement?.OldConversationId is { } old && old != conversationId)
            {
                await store.RemoveAsync(StoreKey(old), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn is done and its answer is here; only the state for the next call is lost, and the response says so.
            properties[ThreadsChatProperties.StateNotSaved] = ex.Message;
        }
    }

    /// <summary>
    /// The messages to send: with a <c>ConversationId</c> whose kept transcript the given messages repeat
    /// (callers that pass the whole history every call), only those after the repeated part; otherwise all.
    /// System messages are not compared (instructions may come with every call).
    /// </summary>
    private static IReadOnlyList<ChatMessage> NewMessages(IReadOnlyList<ChatMessage> given, SessionRecord? held)
    {
        if (held?.Transcript is not { Count: > 0 } transcript)
        {
            return given;
        }

        var kept = transcript.Where(static m => !string.Equals(m.Role, "system", StringComparison.OrdinalIgnoreCase)).ToArray();
        var positions = new List<int>();
        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].Role != ChatRole.System)
            {
                positions.Add(i);
            }
        }

        // The latest place where the kept transcript ends inside the given messages, with something new after it.
        for (var end = positions.Count - 1; end >= kept.Length && kept.Length > 0; end--)
        {
            var matches = true;
            for (var k = 0; k < kept.Length && matches; k++)
            {
                var message = given[positions[end - kept.Length + k]];
                matches = string.Equals(message.Role.Value, kept[k].Role, StringComparison.OrdinalIgnoreCase) && message.Text == kept[k].Text;
            }

            if (matches)
            {
                return [.. given.Skip(positions[end - 1] + 1)];
            }
        }

        return given;
    }

    /// <summary>Whether the caller asked for a call without server-side state (<see cref="ThreadsChatProperties.Stateless"/>).</summary>
    protected static bool StatelessRequested(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ThreadsChatProperties.Stateless, out var value) == true && value is true;

    private static void Report(ThreadReplacedEventArgs? replacement, AdditionalPropertiesDictionary properties)
    {
        if (replacement is not null)
        {
            properties[ThreadsChatProperties.ReplacedConversationId] = replacement.OldConversationId;
            properties[ThreadsChatProperties.ReplacementReason] = replacement.Reason.ToString();
        }
    }

    /// <summary>The caller's messages, checked before anything is read or sent: none null, and at least one message or instructions.</summary>
    private static IReadOnlyList<ChatMessage> Given(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        IReadOnlyList<ChatMessage> given = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        foreach (var message in given)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
        }

        if (given.Count == 0 && options?.Instructions is not { Length: > 0 })
        {
            throw new ArgumentException("At least one message is needed.", nameof(messages));
        }

        return given;
    }

    private List<TMessage> Turn(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var turn = new List<TMessage>(messages.Count + 1);
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            turn.Add(Convert(ChatRole.System, instructions));
        }

        foreach (var message in messages)
        {
            turn.Add(Convert(message.Role, message.Text));
        }

        return turn;
    }

    /// <summary>A session opened for a call, and the replacement to report when the named conversation was gone before the call.</summary>
    protected sealed record OpenedSession(ThreadSession<TMessage, TChunk, TReply> Session, ThreadReplacedEventArgs? Replaced)
    {
        /// <summary>The state kept for the conversation the caller named, when there was one.</summary>
        public SessionRecord? Held { get; init; }
    }
}
