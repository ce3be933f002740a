using Microsoft.Extensions.AI;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// A summariser for session compaction (<see cref="ThreadSessionOptions.Summarizer"/>) over a
/// Microsoft.Extensions.AI <see cref="IChatReducer"/> (for example its <c>SummarizingChatReducer</c>): the
/// summary so far (as a system message) and the turns that leave the window go in; what the reducer
/// returns, as <c>role: text</c> lines, is the new summary. Configure the reducer to keep nothing
/// verbatim, or what it keeps becomes part of the summary.
/// </summary>
public sealed class ChatReducerSummarizer : IConversationSummarizer
{
    private readonly IChatReducer _reducer;

    /// <summary>Creates the summariser.</summary>
    /// <param name="reducer">The reducer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reducer"/> is null.</exception>
    public ChatReducerSummarizer(IChatReducer reducer)
    {
        ArgumentNullException.ThrowIfNull(reducer);
        _reducer = reducer;
    }

    /// <inheritdoc />
    public async Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = new List<ChatMessage>(request.Turns.Count + 1);
        if (request.PreviousSummary is { Length: > 0 } previous)
        {
            messages.Add(new ChatMessage(ChatRole.System, "Summary so far:\n" + previous));
        }

        messages.AddRange(request.Turns.Select(static m => new ChatMessage(new ChatRole(m.Role), m.Text)));
        var reduced = (await _reducer.ReduceAsync(messages, cancellationToken).ConfigureAwait(false)).Where(static m => m.Text.Length > 0).ToList();

        // One message is the summary itself; several (a reducer that kept some verbatim) keep their roles.
        var text = reduced.Count == 1 ? reduced[0].Text : string.Join('\n', reduced.Select(static m => m.Role.Value + ": " + m.Text));
        return text.Length > 0 ? new ConversationSummary(text) : throw new InvalidOperationException("The chat reducer returned no text.");
    }
}
