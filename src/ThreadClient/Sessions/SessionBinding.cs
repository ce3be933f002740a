namespace ThreadClient.Sessions;

/// <summary>Where a store-backed session persists itself: the store and the conversation key.</summary>
internal sealed record SessionBinding(IThreadSessionStore Store, string Key)
{
    /// <summary>The record of a key, checked to be a conversation of the expected provider and kind; null when the key is new.</summary>
    public static async Task<SessionRecord?> LoadAsync(IThreadSessionStore store, string key, string provider, SessionKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var record = Readable(await store.GetAsync(key, cancellationToken).ConfigureAwait(false));
        if (record is not null && !record.Holds(provider, kind))
        {
            throw new InvalidOperationException($"The conversation key holds a {record.Provider} {record.Kind} session, not a {provider} {kind}: use the matching GetOrStart method or another key.");
        }

        return record;
    }

    /// <summary>The record, unless its text is still encrypted (a store read without the key ring): that is no empty conversation but an error.</summary>
    public static SessionRecord? Readable(SessionRecord? record) => record?.ProtectedText is null
        ? record
        : throw new SessionRecordUnreadableException(record.Provider, "The stored record's text is encrypted, but this client reads the store without Data Protection (set ThreadsClientOptions.Privacy.DataProtectionProvider, with the key ring that wrote it).");
}
