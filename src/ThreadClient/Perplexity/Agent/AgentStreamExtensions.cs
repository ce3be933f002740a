using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Helpers over a stream of <see cref="AgentStreamEvent"/>s.</summary>
public static class AgentStreamExtensions
{
    /// <summary>Reads the whole stream and folds it into the final response.</summary>
    /// <param name="events">The stream, for example from <see cref="PerplexityAgentClient.StreamResponseAsync"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The response the stream adds up to.</returns>
    public static Task<AgentResponse> ToResponseAsync(this IAsyncEnumerable<AgentStreamEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new AgentResponseBuilder();

        return Folding.FoldAsync(FoldableStream<AgentStreamEvent, AgentResponseBuilder>.Into(events, builder), builder, cancellationToken);
    }
}
