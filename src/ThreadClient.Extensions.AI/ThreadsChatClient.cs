using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// The one <see cref="IChatClient"/> flow for both providers: <see cref="ChatOptions.ConversationId"/> is the
/// thread id. Absent, a new thread is started with the given messages; present, only the given messages
/// are sent on that thread. A gone thread falls back as a session does, and the response says so.
/// </summary>
internal abstract class ThreadsChatClient<TMessage, TChunk, TReply> : IChatClient
    where TMessage : class
{
    private readonly ChatClientMetadata _metadata;

    protected ThreadsChatClient(ChatClientMetadata metadata) => _metadata = metadata;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var turn = Turn(messages, options);
        if (IsStateless(options))
        {
            return await StatelessAsync(turn, options, cancellationToken).ConfigureAwait(false);
        }

        var session = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var reply = await session.Session.SendAsync(turn, cancellationToken).ConfigureAwait(false);
        var response = ToResponse(reply.Reply, reply.Text);
        response.ConversationId = ConversationIdAfter(session.Session, reply);
        Report(session.Replaced ?? reply.Replacement, response.AdditionalProperties ??= []);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var turn = Turn(messages, options);
        if (IsStateless(options))
        {
            await foreach (var chunk in StreamStateless(turn, options, cancellationToken).ConfigureAwait(false))
            {
                yield return ToUpdate(chunk, conversationId: null);
            }

            yield break;
        }

        var session = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var stream = session.Session.StreamAsync(turn, cancellationToken);
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

    private List<TMessage> Turn(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turn = new List<TMessage>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            turn.Add(Convert(ChatRole.System, instructions));
        }

        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            turn.Add(Convert(message.Role, message.Text));
        }

        if (turn.Count == 0)
        {
            throw new ArgumentException("At least one message is needed.", nameof(messages));
        }

        return turn;
    }

    /// <summary>A session opened for a call, and the replacement to report when the named conversation was gone before the call.</summary>
    protected sealed record OpenedSession(ThreadSession<TMessage, TChunk, TReply> Session, ThreadReplacedEventArgs? Replaced);
}
