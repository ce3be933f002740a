using ThreadClient.Http;

namespace ThreadClient.Perplexity;

/// <summary>Parses one event of a Perplexity stream: a chunk, the <c>[DONE]</c> marker, or an <c>event: error</c> frame.</summary>
internal static class PerplexityStreamFrame
{
    public static StreamFrame<ChatCompletionChunk> Parse(string eventType, ReadOnlySpan<byte> data, PerplexityReplyReader chunks)
    {
        if (string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase))
        {
            return StreamFrame<ChatCompletionChunk>.Error(data);
        }

        var trimmed = SseStream.Payload(data);
        if (trimmed.IsEmpty)
        {
            return default;
        }

        return SseStream.IsDone(trimmed) ? StreamFrame<ChatCompletionChunk>.Done : StreamFrame<ChatCompletionChunk>.Of(chunks.ReadChunk(trimmed));
    }
}
