using ThreadClient.Aitronos;
using ThreadClient.Sessions;

namespace ThreadClient.Privacy;

/// <summary>
/// Erases conversations by key: the record in a session store, and the provider's copy where the provider
/// has an API to delete it (an Aitronos thread). <see cref="ThreadSessionManager.ForgetAsync"/> and the
/// IChatClient adapters' <c>ForgetConversationAsync</c> use it.
/// </summary>
public sealed class SessionEraser
{
    private readonly IThreadSessionStore _store;
    private readonly AitronosThreadsClient? _aitronosThreads;

    /// <summary>Creates the eraser.</summary>
    /// <param name="store">The store the records are in.</param>
    /// <param name="aitronosThreads">Deletes Aitronos threads; <see langword="null"/> leaves them (and lists them as not erased).</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public SessionEraser(IThreadSessionStore store, AitronosThreadsClient? aitronosThreads)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _aitronosThreads = aitronosThreads;
    }

    /// <summary>Erases the conversation of <paramref name="key"/>: see <see cref="ThreadSessionManager.ForgetAsync"/>.</summary>
    /// <param name="key">The conversation key in the store.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>What was erased and what was not.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    public async Task<ForgetResult> ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var erased = new List<string>();
        var notErased = new List<string>();

        // Erasing needs the record's ids, never its text: they are stored in the clear, so an encrypted record
        // is read without decrypting it (and is erased even when this key ring could not decrypt it).
        var record = await (_store is ProtectedThreadSessionStore protectedStore ? protectedStore.Inner : _store).GetAsync(key, cancellationToken).ConfigureAwait(false);

        if (record is { Provider: "Aitronos", Kind: SessionKind.Thread, ConversationId: { } threadId } && _aitronosThreads is not null)
        {
            try
            {
                await _aitronosThreads.DeleteAsync(threadId, cancellationToken).ConfigureAwait(false);
                erased.Add("Aitronos thread");
            }
            catch (ThreadNotFoundException)
            {
                erased.Add("Aitronos thread (already gone)");
            }
            catch (ThreadsException ex)
            {
                notErased.Add($"Aitronos thread: the service refused to delete it ({ex.GetType().Name})");
            }
        }
        else if (record is { Provider: "Aitronos", Kind: SessionKind.Thread, ConversationId: not null })
        {
            notErased.Add("Aitronos thread: this eraser has no Aitronos client to delete it with");
        }
        else if (record is { Provider: "Aitronos", ConversationId: not null })
        {
            notErased.Add("Aitronos responses of the chain: Aitronos has no API to delete a response");
        }
        else if (record is { Provider: "Perplexity", ConversationId: not null })
        {
            notErased.Add(record.Kind == SessionKind.Agent
                ? "Perplexity Agent API responses: Perplexity has no API to delete a stored response (store: false only hides it from GET)"
                : "Perplexity thread: Perplexity has no API to delete a thread");
        }

        await _store.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        if (record is not null)
        {
            erased.Add("session record");
        }

        return new ForgetResult(key, erased, notErased);
    }
}
