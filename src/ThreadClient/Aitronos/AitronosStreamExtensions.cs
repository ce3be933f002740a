namespace ThreadClient.Aitronos;

/// <summary>Helpers over a stream of <see cref="AitronosStreamEvent"/>s.</summary>
public static class AitronosStreamExtensions
{
    /// <summary>Reads the whole stream and returns the response it adds up to.</summary>
    /// <param name="events">The stream, for example from <see cref="AitronosClient.StreamResponseAsync"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The completed event's response, with its text from the deltas when it carries none.</returns>
    public static async Task<AitronosResponse> ToResponseAsync(this IAsyncEnumerable<AitronosStreamEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var builder = new AitronosResponseBuilder();
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Append(item);
        }

        return builder.Build();
    }
}
