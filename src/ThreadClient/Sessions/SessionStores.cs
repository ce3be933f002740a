using ThreadClient.Privacy;

namespace ThreadClient.Sessions;

/// <summary>The stores a client builds from its options.</summary>
internal static class SessionStores
{
    public static InMemoryThreadSessionStore InMemory(SessionStoreOptions settings, TimeProvider clock) =>
        new(clock) { Expiration = settings.Expiration, TextExpiration = settings.TextExpiration, TextMaxAge = settings.TextMaxAge };

    /// <summary>The store behind a privacy layer when the options ask for one (encryption, a scrubber); otherwise the store itself.</summary>
    public static IThreadSessionStore Wrap(IThreadSessionStore store, PrivacyOptions privacy) =>
        privacy.DataProtectionProvider is null && privacy.Scrubber is null || store is ProtectedThreadSessionStore
            ? store
            : new ProtectedThreadSessionStore(store, privacy.DataProtectionProvider?.CreateProtector(privacy.ProtectionPurpose), privacy.Scrubber);
}
