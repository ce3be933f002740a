using System.Collections.Concurrent;

namespace ThreadClient.Sessions;

/// <summary>The default store: records in this process's memory, lost on restart and not shared between instances.</summary>
public sealed class InMemoryThreadSessionStore : IThreadSessionStore
{
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);

    /// <summary>How many records the store holds.</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(_records.TryGetValue(key, out var record) ? record : null);
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
    public ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var removed = 0;
        foreach (var pair in _records)
        {
            if ((pair.Value.LastUsedAt ?? pair.Value.CreatedAt) < cutoff && _records.TryRemove(pair))
            {
                removed++;
            }
        }

        return new(removed);
    }
}
