namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// What <see cref="PerplexityAgentClient.StreamResponseAsync"/> returns. Enumerated, it sends the request
/// and yields each event; folded by <see cref="AgentStreamExtensions.ToResponseAsync"/>, it appends each
/// event straight to the <see cref="AgentResponseBuilder"/>, which then holds the only copy of the text.
/// </summary>
internal sealed class AgentEventStream(PerplexityAgentClient client, AgentRequest request, CancellationToken callToken) : IAsyncEnumerable<AgentStreamEvent>
{
    /// <summary>The same call, folding every event into <paramref name="builder"/> and yielding nothing.</summary>
    public IAsyncEnumerable<AgentStreamEvent> FoldingInto(AgentResponseBuilder builder) => client.Stream(request, builder, callToken);

    /// <inheritdoc/>
    public IAsyncEnumerator<AgentStreamEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        client.Stream(request, fold: null, callToken).GetAsyncEnumerator(cancellationToken);
}
