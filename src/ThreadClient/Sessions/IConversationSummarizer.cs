namespace ThreadClient.Sessions;

/// <summary>
/// Turns the turns leaving a session's replay window into one summary, so that the conversation is
/// compacted instead of forgotten (<see cref="ThreadSessionOptions.Summarizer"/>). Called when the window
/// steps, with the summary so far and the turns that leave; what it returns replaces the summary, which
/// the session replays after the instructions on every turn until the next step.
/// </summary>
public interface IConversationSummarizer
{
    /// <summary>Summarises the earlier conversation.</summary>
    /// <param name="request">The summary so far and the turns that leave the window, oldest first.</param>
    /// <param name="cancellationToken">The turn's token.</param>
    /// <returns>The new summary, and what making it cost when known.</returns>
    Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken);
}

/// <summary>What a summariser is asked to fold into one summary.</summary>
/// <param name="PreviousSummary">The summary of everything before <paramref name="Turns"/>; <see langword="null"/> the first time.</param>
/// <param name="Turns">The messages leaving the window, oldest first.</param>
public sealed record ConversationSummaryRequest(string? PreviousSummary, IReadOnlyList<TranscriptMessage> Turns);

/// <summary>A summary of the earlier conversation.</summary>
/// <param name="Text">The summary; it must not be empty.</param>
/// <param name="Usage">What making it cost, when the summariser knows.</param>
public sealed record ConversationSummary(string Text, TurnUsage? Usage = null);
