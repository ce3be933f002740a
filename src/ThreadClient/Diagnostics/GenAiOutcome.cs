namespace ThreadClient.Diagnostics;

/// <summary>What a generation's reply said about itself, for its span and metrics: gathered from the reply, or from a stream's events as they pass.</summary>
internal readonly record struct GenAiOutcome(
    string? ResponseModel = null,
    string? ResponseId = null,
    long? InputTokens = null,
    long? OutputTokens = null,
    string? FinishReason = null,
    string? ConversationId = null,
    long? CacheReadInputTokens = null,
    long? CacheCreationInputTokens = null,
    string? OutputText = null)
{
    /// <summary>This outcome with every value <paramref name="later"/> knows taking the place of this one's.</summary>
    public GenAiOutcome With(GenAiOutcome later) => new(
        later.ResponseModel ?? ResponseModel,
        later.ResponseId ?? ResponseId,
        later.InputTokens ?? InputTokens,
        later.OutputTokens ?? OutputTokens,
        later.FinishReason ?? FinishReason,
        later.ConversationId ?? ConversationId,
        later.CacheReadInputTokens ?? CacheReadInputTokens,
        later.CacheCreationInputTokens ?? CacheCreationInputTokens,
        later.OutputText ?? OutputText);
}
