namespace ThreadClient.Sessions;

/// <summary>The session store's settings, bindable from configuration (<c>ThreadClient:Sessions</c>).</summary>
public sealed class SessionStoreOptions
{
    /// <summary>Which store to use. Default <see cref="SessionStoreKind.InMemory"/>. Dependency injection resolves <c>IDistributedCache</c> for <see cref="SessionStoreKind.DistributedCache"/>.</summary>
    public SessionStoreKind Kind { get; set; } = SessionStoreKind.InMemory;

    /// <summary>Prefix of every cache key (distributed store). Default <c>threadclient:session:</c>.</summary>
    public string KeyPrefix { get; set; } = "threadclient:session:";

    /// <summary>How long a record without conversation text (thread ids and counts) lives without use. Default 90 days.</summary>
    public TimeSpan Expiration { get; set; } = SessionRetention.DefaultExpiration;

    /// <summary>How long a record holding conversation text (a transcript or summary) lives without use. Default 30 days.</summary>
    public TimeSpan TextExpiration { get; set; } = SessionRetention.DefaultTextExpiration;

    /// <summary>The longest a record holding conversation text lives, used or not, counted from the conversation's start. Default 90 days.</summary>
    public TimeSpan TextMaxAge { get; set; } = SessionRetention.DefaultTextMaxAge;

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

        if (TextExpiration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(TextExpiration), TextExpiration, prefix + "TextExpiration must be positive.");
        }

        if (TextMaxAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(prefix + nameof(TextMaxAge), TextMaxAge, prefix + "TextMaxAge must be positive.");
        }
    }
}
