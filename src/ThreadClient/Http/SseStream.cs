using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ThreadClient.Http;

/// <summary>Reads a server-sent event stream from a response, one parsed item per event, and disposes the response however the reading ends.</summary>
internal static class SseStream
{
    /// <summary>The event's data without surrounding spaces; empty for a keep-alive.</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data) => data.Trim((byte)' ');

    /// <summary>Whether the payload is the <c>[DONE]</c> marker that ends an OpenAI-style stream.</summary>
    public static bool IsDone(ReadOnlySpan<byte> payload) => payload.SequenceEqual("[DONE]"u8);

    /// <summary>
    /// Yields the stream's events. A connection that breaks mid-stream raises
    /// <see cref="ThreadsStreamException"/> carrying the text received so far (asked of
    /// <paramref name="partialText"/> only then); the idle timeout and the caller's cancellation pass
    /// through unchanged.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAsync<T>(HttpResponseMessage response, SseItemParser<T> parse, ProviderEndpoint endpoint, Func<string> partialText, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var events = SseParser.Create(body, parse).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (events.ConfigureAwait(false))
                {
                    var count = 0;
                    while (true)
                    {
                        try
                        {
                            if (!await events.MoveNextAsync().ConfigureAwait(false))
                            {
                                yield break;
                            }
                        }
                        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                        {
                            throw Failed(endpoint, response, "stream_interrupted", $"The connection broke after {count} event(s), before the stream finished.", partialText(), ex);
                        }
                        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
                        {
                            // An event whose data is not the JSON the API defines: typed, with what arrived before it.
                            throw Failed(endpoint, response, "unreadable_event", $"Event {count + 1} of the stream is not the JSON the API defines ({ex.Message}).", partialText(), ex);
                        }

                        cancellationToken.ThrowIfCancellationRequested();
                        count++;
                        yield return events.Current.Data;
                    }
                }
            }
        }
    }

    private static ThreadsStreamException Failed(ProviderEndpoint endpoint, HttpResponseMessage response, string code, string message, string partialText, Exception cause)
    {
        var error = new ThreadsApiError
        {
            Provider = endpoint.Provider,
            StatusCode = HttpStatusCode.OK,
            Code = code,
            Message = message,
            RequestId = endpoint.Redact(response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null),
        };
        return new ThreadsStreamException(error, partialText, cause);
    }
}
