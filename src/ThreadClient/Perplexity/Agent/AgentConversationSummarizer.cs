using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A summariser for session compaction (<see cref="ThreadSessionOptions.Summarizer"/>) that asks the Agent API
/// itself, with a cheap preset (<c>fast</c> by default) and no tools: the summary so far and the turns that
/// leave the window go in (<see cref="ConversationSummaryRequest.ToPrompt"/>), the answer is the new summary.
/// Its cost is reported on the reply's <see cref="SessionCompaction.Usage"/> and counted in the conversation's ledger.
/// </summary>
public sealed class AgentConversationSummarizer : IConversationSummarizer
{
    private readonly PerplexityAgentClient _client;
    private readonly Action<AgentRequest>? _configure;

    /// <summary>Creates the summariser.</summary>
    /// <param name="client">The Agent API client (<c>client.Perplexity.Agent</c>).</param>
    /// <param name="preset">The preset that writes the summary; <c>fast</c> by default.</param>
    /// <param name="configure">Sets anything else on the summary request (a model instead of the preset, <c>MaxOutputTokens</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="preset"/> is empty.</exception>
    public AgentConversationSummarizer(PerplexityAgentClient client, string preset = AgentPresets.Fast, Action<AgentRequest>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(preset);
        _client = client;
        Preset = preset;
        _configure = configure;
    }

    /// <summary>The preset that writes the summary.</summary>
    public string Preset { get; }

    /// <inheritdoc />
    public async Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = new AgentRequest { Preset = Preset, Instructions = ConversationSummaryRequest.Instructions, MaxToolCalls = 0, Input = request.ToPrompt() };
        _configure?.Invoke(agent);
        var response = await _client.CreateResponseAsync(agent, cancellationToken).ConfigureAwait(false);
        AgentTurnOutcome.ThrowIfRefused(response, response.OutputText, answersWithoutText: false);
        return response.OutputText is { Length: > 0 } summary
            ? new ConversationSummary(summary, response.Usage?.ToTurnUsage())
            : throw new ThreadsResponseException(
                new ThreadsApiError { Provider = "Perplexity", StatusCode = System.Net.HttpStatusCode.OK, Code = "empty_reply", Message = "The summary request's reply had no text." },
                "the summary request's reply had no text.");
    }
}
