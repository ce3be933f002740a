using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace ThreadClient.Sessions;

/// <summary>
/// A store over the app's <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so that every
/// instance behind a load balancer continues the same conversations. Each record is a small JSON
/// value under <c>{KeyPrefix}{key}</c> that expires after <see cref="Expiration"/> without use, or, when
/// it holds conversation text, after <see cref="TextExpiration"/> without use or <see cref="TextMaxAge"/>
/// after the conversation started: the cache prunes old records itself (an <see cref="IDistributedCache"/>
/// cannot be listed, so <see cref="PruneAsync"/> removes nothing). Concurrent turns on one key from two
/// instances: the last write wins.
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

    /// <summary>How long a record without conversation text lives without use (sliding). Default 90 days, Aitronos' retention.</summary>
    public TimeSpan Expiration { get; init; } = SessionRetention.DefaultExpiration;

    /// <summary>How long a record holding conversation text lives without use (sliding). Default 30 days.</summary>
    public TimeSpan TextExpiration { get; init; } = SessionRetention.DefaultTextExpiration;

    /// <summary>The longest a record holding conversation text lives, from the conversation's start (absolute). Default 90 days.</summary>
    public TimeSpan TextMaxAge { get; init; } = SessionRetention.DefaultTextMaxAge;

    /// <summary>The clock a record past its maximum age is told by (it is removed instead of written). Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

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
        if (SessionRetention.AbsoluteExpiry(record, TextMaxAge) is { } expiry && expiry <= TimeProvider.GetUtcNow())
        {
            // Past its maximum age the text is not written again (a cache refuses an expiry in the past).
            await _cache.RemoveAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
            return;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, SessionJsonContext.Default.SessionRecord);
        var entry = new DistributedCacheEntryOptions
        {
            SlidingExpiration = SessionRetention.Idle(record, Expiration, TextExpiration),
            AbsoluteExpiration = SessionRetention.AbsoluteExpiry(record, TextMaxAge),
        };
        await _cache.SetAsync(KeyPrefix + key, bytes, entry, cancellationToken).ConfigureAwait(false);
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
