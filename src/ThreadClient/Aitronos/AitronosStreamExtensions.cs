using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>Helpers over a stream of <see cref="AitronosStreamEvent"/>s.</summary>
public static class AitronosStreamExtensions
{
    /// <summary>Reads the whole stream and returns the response it adds up to.</summary>
    /// <param name="events">The stream, for example from <see cref="AitronosClient.StreamResponseAsync"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The completed event's response, with its text from the deltas when it carries none.</returns>
    public static Task<AitronosResponse> ToResponseAsync(this IAsyncEnumerable<AitronosStreamEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new AitronosResponseBuilder();
        return Folding.FoldAsync(FoldableStream<AitronosStreamEvent, AitronosResponseBuilder>.Into(events, builder), builder, cancellationToken);
    }
}
