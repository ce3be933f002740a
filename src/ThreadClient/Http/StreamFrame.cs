using System.Net;
using System.Text;

namespace ThreadClient.Http;

/// <summary>One parsed event of an OpenAI-style stream: an item, the <c>[DONE]</c> marker, an error frame (its raw body), or nothing (a keep-alive).</summary>
/// <typeparam name="T">The provider's stream item.</typeparam>
internal readonly struct StreamFrame<T>
    where T : class
{
    private StreamFrame(T? item, bool isDone, string? errorBody)
    {
        Item = item;
        IsDone = isDone;
        ErrorBody = errorBody;
    }

    public static StreamFrame<T> Done => new(null, true, null);

    public T? Item { get; }

    public bool IsDone { get; }

    public string? ErrorBody { get; }

    public static StreamFrame<T> Of(T? item) => new(item, false, null);

    public static StreamFrame<T> Error(ReadOnlySpan<byte> body) => new(null, false, Encoding.UTF8.GetString(body));

    /// <summary>The error frame as the exception a caller sees, read in every known error envelope, with the text received before it.</summary>
    public ThreadsStreamException ToException(ProviderEndpoint endpoint, string partialText) =>
        new(ErrorReplyReader.Parse(endpoint, HttpStatusCode.OK, ErrorBody, requestId: null, retryAfter: null), partialText);
}
