namespace ThreadClient;

/// <summary>
/// The rate-limit headers of a reply (<c>x-ratelimit-limit-requests</c>, <c>-remaining-requests</c>,
/// <c>-reset-requests</c> and the same for tokens), as the provider sent them; each is
/// <see langword="null"/> when the reply did not carry it.
/// </summary>
/// <param name="LimitRequests">Requests allowed in the window.</param>
/// <param name="RemainingRequests">Requests left in the window.</param>
/// <param name="ResetRequests">When the request window resets, as sent (for example <c>1s</c> or <c>6m0s</c>).</param>
/// <param name="LimitTokens">Tokens allowed in the window.</param>
/// <param name="RemainingTokens">Tokens left in the window.</param>
/// <param name="ResetTokens">When the token window resets, as sent.</param>
public sealed record ThreadsRateLimits(long? LimitRequests, long? RemainingRequests, string? ResetRequests, long? LimitTokens, long? RemainingTokens, string? ResetTokens);
