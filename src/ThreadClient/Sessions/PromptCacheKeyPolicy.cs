namespace ThreadClient.Sessions;

/// <summary>Where a session's <c>prompt_cache_key</c> comes from (<see cref="ThreadSessionOptions.PromptCacheKeys"/>).</summary>
public enum PromptCacheKeyPolicy
{
    /// <summary>A random key made when the conversation starts (it reveals nothing), kept in its record (the default).</summary>
    Random = 0,

    /// <summary>The key <see cref="ThreadSessionOptions.PromptCacheKeyFactory"/> derives (for example a keyed hash of your conversation key).</summary>
    Derived,

    /// <summary>No key is sent (the service's own, or a preset's, applies).</summary>
    Off,
}
