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
public sealed record ConversationSummaryRequest(string? PreviousSummary, IReadOnlyList<TranscriptMessage> Turns)
{
    /// <summary>The instructions the built-in summarisers give the model.</summary>
    public const string Instructions =
        "You compact a conversation so that it can go on without its early turns. Write a concise summary of the conversation below, "
        + "keeping every fact, name, number, decision, preference and open question a later answer may need. Write only the summary.";

    /// <summary>The request as one prompt for a model: the summary so far, then the turns as <c>role: text</c> lines.</summary>
    /// <returns>The prompt.</returns>
    public string ToPrompt()
    {
        var prompt = new System.Text.StringBuilder();
        if (PreviousSummary is { Length: > 0 } previous)
        {
            prompt.Append("Summary so far:\n").Append(previous).Append("\n\n");
        }

        prompt.Append("Conversation to add to the summary:\n");
        foreach (var message in Turns)
        {
            prompt.Append(message.Role).Append(": ").Append(message.Text).Append('\n');
        }

        return prompt.ToString();
    }
}

/// <summary>A summary of the earlier conversation.</summary>
/// <param name="Text">The summary; it must not be empty.</param>
/// <param name="Usage">What making it cost, when the summariser knows.</param>
public sealed record ConversationSummary(string Text, TurnUsage? Usage = null);
