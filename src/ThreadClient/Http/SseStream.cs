using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace ThreadClient.Http;

/// <summary>Reads a server-sent event stream from a response, one parsed item per event, and disposes the response however the reading ends.</summary>
internal static class SseStream
{
    /// <summary>The event's data without surrounding spaces; empty for a keep-alive.</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data) => data.Trim((byte)' ');

    /// <summary>Whether the payload is the <c>[DONE]</c> marker that ends an OpenAI-style stream.</summary>
    public static bool IsDone(ReadOnlySpan<byte> payload) => payload.SequenceEqual("[DONE]"u8);

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
