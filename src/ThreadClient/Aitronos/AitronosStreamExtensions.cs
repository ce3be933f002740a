using System.Text;

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
        var text = new StringBuilder();
        AitronosResponse? completed = null;
        string? responseId = null, threadId = null;
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            responseId = item.ResponseId ?? responseId;
            threadId = item.ThreadId ?? threadId;
            if (item.Kind == AitronosStreamEventKind.ContentDelta)
            {
                text.Append(item.Delta);
            }
            else if (item.Kind == AitronosStreamEventKind.Completed)
            {
                completed = item.Response;
            }
        }

        var response = completed ?? new AitronosResponse();
        response.Id ??= responseId;
        response.ThreadId ??= threadId;
        response.OutputText ??= text.ToString();
        return response;
    }
}
