using System.Net;
using System.Text;
using ThreadClient.Http;

namespace ThreadClient.Perplexity;

/// <summary>One parsed event of a Perplexity stream: a chunk, the <c>[DONE]</c> marker, or an <c>event: error</c> frame.</summary>
internal readonly struct PerplexityStreamFrame
{
    private PerplexityStreamFrame(ChatCompletionChunk? chunk, bool isDone, string? errorBody)
    {
        Chunk = chunk;
        IsDone = isDone;
        ErrorBody = errorBody;
    }

    public ChatCompletionChunk? Chunk { get; }

    public bool IsDone { get; }

    public string? ErrorBody { get; }

    public static PerplexityStreamFrame Parse(string eventType, ReadOnlySpan<byte> data, PerplexityReplyReader chunks)
    {
        if (string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase))
        {
            return new PerplexityStreamFrame(null, false, Encoding.UTF8.GetString(data));
        }

        var trimmed = SseStream.Payload(data);
        if (trimmed.IsEmpty)
        {
            return default;
        }

        if (SseStream.IsDone(trimmed))
        {
            return new PerplexityStreamFrame(null, true, null);
        }

        return new PerplexityStreamFrame(chunks.ReadChunk(trimmed), false, null);
    }

    public ThreadsStreamException ToException(ProviderEndpoint endpoint, string partialText) =>
        new(ErrorReplyReader.Parse(endpoint, HttpStatusCode.OK, ErrorBody, requestId: null, retryAfter: null), partialText);
}
