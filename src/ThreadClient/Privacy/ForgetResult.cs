namespace ThreadClient.Privacy;

/// <summary>
/// What <see cref="Sessions.ThreadSessionManager.ForgetAsync"/> erased for a conversation key, and what it
/// could not: the local record, and the provider's copy where the provider has an API to delete it.
/// </summary>
/// <param name="Key">The conversation key.</param>
/// <param name="Erased">What is gone, one line each (for example <c>session record</c>, <c>Aitronos thread</c>).</param>
/// <param name="NotErased">What could not be erased and why, one line each (for example Perplexity threads, which have no delete API).</param>
public sealed record ForgetResult(string Key, IReadOnlyList<string> Erased, IReadOnlyList<string> NotErased)
{
    /// <summary>Whether everything the client knew of was erased.</summary>
    public bool Complete => NotErased.Count == 0;
}
