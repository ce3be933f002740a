using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;

namespace ThreadClient.Sessions;

/// <summary>
/// Conversations by key (a user, a ticket), kept in an <see cref="IThreadSessionStore"/>: get or
/// start one, and it saves itself after every turn and every fallback, so that the conversation
/// continues after a restart or on another app instance sharing the store. Get it from
/// <see cref="ThreadsClient.Sessions"/>.
/// </summary>
public sealed class ThreadSessionManager
{
    private readonly PerplexityClient _perplexity;
    private readonly AitronosClient _aitronos;
    private readonly TimeProvider _clock;

    internal ThreadSessionManager(PerplexityClient perplexity, AitronosClient aitronos, IThreadSessionStore store, TimeProvider clock)
    {
        _perplexity = perplexity;
        _aitronos = aitronos;
        Store = store;
        _clock = clock;
    }

    /// <summary>The store the sessions are kept in.</summary>
    public IThreadSessionStore Store { get; }

    /// <summary>
    /// Erases a conversation: its record in the client's session store (the one every session by key and
    /// every IChatClient adapter of this client uses), and the provider's copy where the provider has an API
    /// for it: an Aitronos thread is deleted. What cannot be erased is listed: Perplexity has no API to
    /// delete a thread or a stored Agent API response (they are kept as your account's agreement says).
    /// The record is removed even when the provider's deletion fails (that failure is listed).
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>What was erased and what was not.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public Task<Privacy.ForgetResult> ForgetAsync(string key, CancellationToken cancellationToken = default) =>
        new Privacy.SessionEraser(Store, _aitronos.Threads).ForgetAsync(key, cancellationToken);

    /// <summary>Gets the Perplexity session of a key, or starts one.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="options">Settings for the session (they are not stored: pass the same ones each time).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>The session, resumed from the store when the key is known.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The key holds another kind of conversation.</exception>
    public async Task<PerplexitySession> GetOrStartPerplexityAsync(string key, PerplexitySessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var record = await LoadAsync(key, "Perplexity", SessionKind.Thread, cancellationToken).ConfigureAwait(false);
        return _perplexity.CreateSession(options, record ?? _perplexity.NewRecord(null), new SessionBinding(Store, key));
    }

    /// <summary>
    /// Gets the Perplexity Agent API conversation of a key, or starts one. Its transcript lives in the
    /// store, so another app instance sharing the store continues the same conversation.
    /// </summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="options">Settings for the session (they are not stored: pass the same ones each time).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>The session, resumed from the store when the key is known.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The key holds another kind of conversation.</exception>
    public async Task<PerplexityAgentSession> GetOrStartPerplexityAgentAsync(string key, AgentSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        return await _perplexity.Agent.GetOrStartSessionAsync(key, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gets the Aitronos thread session of a key, or starts one.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="options">Settings for the session (they are not stored: pass the same ones each time).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>The session, resumed from the store when the key is known.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The key holds another kind of conversation.</exception>
    public async Task<AitronosSession> GetOrStartAitronosAsync(string key, AitronosSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var record = await LoadAsync(key, "Aitronos", SessionKind.Thread, cancellationToken).ConfigureAwait(false);
        return _aitronos.CreateSession(options, record ?? _aitronos.NewRecord(SessionKind.Thread, null), new SessionBinding(Store, key));
    }

    /// <summary>Gets the Aitronos response chain of a key, or starts one.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="options">Settings for the chain (they are not stored: pass the same ones each time).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <returns>The chain, resumed from the store when the key is known.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="InvalidOperationException">The key holds another kind of conversation.</exception>
    public async Task<ResponseChain> GetOrStartChainAsync(string key, ResponseChainOptions? options = null, CancellationToken cancellationToken = default)
    {
        var record = await LoadAsync(key, "Aitronos", SessionKind.ResponseChain, cancellationToken).ConfigureAwait(false);
        return _aitronos.CreateChain(options, record ?? _aitronos.NewRecord(SessionKind.ResponseChain, null), new SessionBinding(Store, key));
    }

    /// <summary>Forgets a key's conversation (the server's thread is left alone).</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>Whether a record was removed.</returns>
    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Store.RemoveAsync(key, cancellationToken);
    }

    /// <summary>Forgets the conversations not used for <paramref name="olderThan"/> (the seeds' cleanup), by the client's clock.</summary>
    /// <param name="olderThan">How long a conversation may sit unused.</param>
    /// <param name="cancellationToken">Cancels the pruning.</param>
    /// <returns>How many records were removed (0 for stores whose entries expire by themselves).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="olderThan"/> is negative.</exception>
    public ValueTask<int> PruneAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        return Store.PruneAsync(_clock.GetUtcNow() - olderThan, cancellationToken);
    }

    private Task<SessionRecord?> LoadAsync(string key, string provider, SessionKind kind, CancellationToken cancellationToken) =>
        SessionBinding.LoadAsync(Store, key, provider, kind, cancellationToken);
}
