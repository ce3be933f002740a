namespace ThreadClient.Sessions;

/// <summary>
/// What one request cost, as the provider reported it: tokens (input, output, and the input tokens read
/// from and written to the provider's prompt cache) and money. Each is <see langword="null"/> when the
/// provider did not say. Built from the Agent API's <c>usage</c> (and <c>usage.cost</c>), chat
/// completions' <c>usage</c> (and <c>usage.cost.total_cost</c>), and Aitronos' token counts.
/// </summary>
/// <param name="InputTokens">Input tokens, the cached ones included.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CacheReadInputTokens">Input tokens served from the prompt cache (billed at the cache-read rate).</param>
/// <param name="CacheCreationInputTokens">Input tokens written to the prompt cache.</param>
/// <param name="Cost">What the request cost, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The currency of <paramref name="Cost"/>, for example <c>USD</c>.</param>
public sealed record TurnUsage(long? InputTokens, long? OutputTokens, long? CacheReadInputTokens = null, long? CacheCreationInputTokens = null, decimal? Cost = null, string? Currency = null)
{
    /// <summary>The two added: counts and costs summed (a count or cost either lacks counts as 0 when the other has it).</summary>
    /// <param name="other">Another request's usage.</param>
    /// <returns>The sum.</returns>
    public TurnUsage Plus(TurnUsage? other) => other is null ? this : new(
        Sum(InputTokens, other.InputTokens),
        Sum(OutputTokens, other.OutputTokens),
        Sum(CacheReadInputTokens, other.CacheReadInputTokens),
        Sum(CacheCreationInputTokens, other.CacheCreationInputTokens),
        Cost is null && other.Cost is null ? null : (Cost ?? 0) + (other.Cost ?? 0),
        Currency ?? other.Currency);

    internal static decimal? Money(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e27 ? (decimal)v : null;

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
