using ThreadClient.Http;

namespace ThreadClient.Perplexity;

/// <summary>Parses one event of a Perplexity stream: a chunk, the <c>[DONE]</c> marker, or an error frame (<c>event: error</c>, or a bare <c>{"error":{...}}</c>).</summary>
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

        if (SseStream.IsDone(trimmed))
        {
            return StreamFrame<ChatCompletionChunk>.Done;
        }

        // An error envelope sent as a plain data frame (no "event: error" line) is an error all the same.
        return ReplyChecks.IsErrorEnvelope(trimmed) ? StreamFrame<ChatCompletionChunk>.Error(trimmed) : StreamFrame<ChatCompletionChunk>.Of(chunks.ReadChunk(trimmed));
    }
}
