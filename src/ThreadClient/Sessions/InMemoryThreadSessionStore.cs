using System.Collections.Concurrent;

namespace ThreadClient.Sessions;

/// <summary>
/// The default store: records in this process's memory, lost on restart and not shared between instances.
/// A record expires as the distributed store's do: after <see cref="Expiration"/> without use, or, when it
/// holds conversation text, after <see cref="TextExpiration"/> without use or <see cref="TextMaxAge"/> since
/// the conversation started (by <see cref="TimeProvider"/>); an expired record reads as absent and is removed.
/// </summary>
public sealed class InMemoryThreadSessionStore : IThreadSessionStore
{
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    /// <param name="clock">The clock records expire by; the system clock when <see langword="null"/>.</param>
    public InMemoryThreadSessionStore(TimeProvider? clock = null) => TimeProvider = clock ?? TimeProvider.System;

    /// <summary>The clock records expire by.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How long a record without conversation text lives without use. Default 90 days.</summary>
    public TimeSpan Expiration { get; init; } = SessionRetention.DefaultExpiration;

    /// <summary>How long a record holding conversation text lives without use. Default 30 days.</summary>
    public TimeSpan TextExpiration { get; init; } = SessionRetention.DefaultTextExpiration;

    /// <summary>The longest a record holding conversation text lives, from the conversation's start. Default 90 days.</summary>
    public TimeSpan TextMaxAge { get; init; } = SessionRetention.DefaultTextMaxAge;

    /// <summary>How many records the store holds (expired ones included until they are read or pruned).</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_records.TryGetValue(key, out var record))
        {
            return new((SessionRecord?)null);
        }

        if (Expired(record))
        {
            _records.TryRemove(new KeyValuePair<string, SessionRecord>(key, record));
            return new((SessionRecord?)null);
        }

        return new(record);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        _records[key] = record;
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(_records.TryRemove(key, out _));
    }

    /// <inheritdoc />
    /// <remarks>Expired records go too, whatever <paramref name="cutoff"/> says.</remarks>
    public ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var pair in _records)
        {
            if (((pair.Value.LastUsedAt ?? pair.Value.CreatedAt) < cutoff || Expired(pair.Value)) && _records.TryRemove(pair))
            {
                removed++;
            }
        }

        return new(removed);
    }

    private bool Expired(SessionRecord record) =>
        SessionRetention.Expired(record, TimeProvider.GetUtcNow(), Expiration, TextExpiration, TextMaxAge);
}
