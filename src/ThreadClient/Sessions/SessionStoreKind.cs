namespace ThreadClient.Sessions;

/// <summary>Which store <see cref="ThreadsClient.Sessions"/> keeps conversations in.</summary>
public enum SessionStoreKind
{
    /// <summary><see cref="InMemoryThreadSessionStore"/>: this process only. The default.</summary>
    InMemory = 0,

    /// <summary><see cref="DistributedThreadSessionStore"/> over the application's registered <c>IDistributedCache</c>.</summary>
    DistributedCache,
}
