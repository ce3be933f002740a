using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace ThreadClient.Http;

/// <summary>Reads a server-sent event stream from a response, one parsed item per event, and disposes the response however the reading ends.</summary>
internal static class SseStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(HttpResponseMessage response, SseItemParser<T> parse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                await foreach (var item in SseParser.Create(body, parse).EnumerateAsync(cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return item.Data;
                }
            }
        }
    }
}
