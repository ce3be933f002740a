namespace ThreadClient.Sessions;

/// <summary>What <see cref="ThreadSessionOptions.PromptCacheKeyFactory"/> derives a conversation's <c>prompt_cache_key</c> from.</summary>
/// <param name="ConversationKey">The session's conversation key (<see cref="ThreadSessionManager"/>, <c>GetOrStart...</c>); <see langword="null"/> for a session started without one.</param>
/// <param name="Generation">0, then one more each time a compaction rewrote the replayed prefix (so that the new prefix gets a cache entry of its own).</param>
public sealed record PromptCacheKeyContext(string? ConversationKey, int Generation);
