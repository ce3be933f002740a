namespace ThreadClient.Sessions;

/// <summary>Where a store-backed session persists itself: the store and the conversation key.</summary>
internal sealed record SessionBinding(IThreadSessionStore Store, string Key);
