namespace ThreadClient.Sessions;

/// <summary>
/// Maps a conversation key (a user, a ticket) to its <see cref="SessionRecord"/>, so that a
/// conversation survives restarts and is shared by every app instance using the same store.
/// Implementations must be thread-safe. Records hold thread ids, which open conversation history:
/// store them as you store other user secrets.
/// </summary>
public interface IThreadSessionStore
{
    /// <summary>Reads the record of a key.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/> when the key is unknown.</returns>
    ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Writes (adds or replaces) the record of a key.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the record is written.</returns>
    ValueTask SetAsync(string key, SessionRecord record, CancellationToken cancellationToken = default);

    /// <summary>Removes the record of a key.</summary>
    /// <param name="key">The conversation key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>Whether a record was removed (stores that cannot tell return <see langword="true"/>).</returns>
    ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the records last used (or, never used, created) before <paramref name="cutoff"/>.</summary>
    /// <param name="cutoff">Records older than this go.</param>
    /// <param name="cancellationToken">Cancels the pruning.</param>
    /// <returns>How many records were removed; stores whose entries expire by themselves return 0.</returns>
    ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
