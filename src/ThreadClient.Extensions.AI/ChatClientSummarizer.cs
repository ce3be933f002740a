using Microsoft.Extensions.AI;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// A summariser for session compaction (<see cref="ThreadSessionOptions.Summarizer"/>) that asks any
/// <see cref="IChatClient"/>: the instructions, then the summary so far and the turns that leave the window
/// (<see cref="ConversationSummaryRequest.ToPrompt"/>); the answer's text is the new summary, its usage the cost.
/// </summary>
public sealed class ChatClientSummarizer : IConversationSummarizer
{
    private readonly IChatClient _client;
    private readonly ChatOptions? _options;

    /// <summary>Creates the summariser.</summary>
    /// <param name="client">The chat client that writes the summary (a cheap model is enough).</param>
    /// <param name="options">Options for its requests (model, token limit); copied per request.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public ChatClientSummarizer(IChatClient client, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options;
    }

    /// <inheritdoc />
    public async Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<ChatMessage> messages = [new(ChatRole.System, ConversationSummaryRequest.Instructions), new(ChatRole.User, request.ToPrompt())];
        var response = await _client.GetResponseAsync(messages, _options?.Clone(), cancellationToken).ConfigureAwait(false);
        var usage = response.Usage is { } u ? new TurnUsage(u.InputTokenCount, u.OutputTokenCount, u.CachedInputTokenCount) : null;
        return response.Text is { Length: > 0 } text
            ? new ConversationSummary(text, usage)
            : throw new InvalidOperationException("The chat client's summary had no text.");
    }
}
