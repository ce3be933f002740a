namespace ThreadClient.Sessions;

/// <summary>The session store's settings, bindable from configuration (<c>ThreadClient:Sessions</c>).</summary>
public sealed class SessionStoreOptions
{
    /// <summary>Which store to use. Default <see cref="SessionStoreKind.InMemory"/>. Dependency injection resolves <c>IDistributedCache</c> for <see cref="SessionStoreKind.DistributedCache"/>.</summary>
    public SessionStoreKind Kind { get; set; } = SessionStoreKind.InMemory;

    /// <summary>Prefix of every cache key (distributed store). Default <c>threadclient:session:</c>.</summary>
    public string KeyPrefix { get; set; } = "threadclient:session:";

    /// <summary>How long a record lives in the cache without use (distributed store). Default 90 days.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromDays(90);

    internal void Validate(string prefix)
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(Kind), Kind, prefix + "Kind is not a known store.");
        }

        ArgumentException.ThrowIfNullOrEmpty(KeyPrefix, prefix + nameof(KeyPrefix));
        if (Expiration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(Expiration), Expiration, prefix + "Expiration must be positive.");
        }
    }
}
