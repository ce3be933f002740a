using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace ThreadClient.Sessions;

/// <summary>
/// A store over the app's <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so that every
/// instance behind a load balancer continues the same conversations. Each record is a small JSON
/// value under <c>{KeyPrefix}{key}</c> that expires after <see cref="Expiration"/> without use:
/// the cache prunes old records itself (an <see cref="IDistributedCache"/> cannot be listed, so
/// <see cref="PruneAsync"/> removes nothing). Concurrent turns on one key from two instances: the last write wins.
/// </summary>
public sealed class DistributedThreadSessionStore : IThreadSessionStore
{
    private readonly IDistributedCache _cache;

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The cache to keep records in.</param>
    public DistributedThreadSessionStore(IDistributedCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <summary>Prepended to every conversation key. Default <c>threadclient:session:</c>.</summary>
    public string KeyPrefix { get; init; } = "threadclient:session:";

    /// <summary>How long a record lives without use (sliding). Default 90 days, Aitronos' retention.</summary>
    public TimeSpan Expiration { get; init; } = TimeSpan.FromDays(90);

    /// <inheritdoc />
    public async ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = await _cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : JsonSerializer.Deserialize(bytes, SessionJsonContext.Default.SessionRecord);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(record);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, SessionJsonContext.Default.SessionRecord);
        await _cache.SetAsync(KeyPrefix + key, bytes, new DistributedCacheEntryOptions { SlidingExpiration = Expiration }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _cache.RemoveAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Records expire in the cache after <see cref="Expiration"/> without use; nothing to scan.</remarks>
    public ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => new(0);
}
