using ThreadClient.Http;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Parses one event of a Perplexity stream: a chunk (or, when folding, nothing once the event is in the fold), the <c>[DONE]</c> marker, or an error frame (<c>event: error</c>, or a bare <c>{"error":{...}}</c>).</summary>
internal static class PerplexityStreamFrame
{
    public static StreamFrame<ChatCompletionChunk> Parse(string eventType, ReadOnlySpan<byte> data, ChatCompletionBuilder? fold)
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
        if (ReplyChecks.IsErrorEnvelope(trimmed))
        {
            return StreamFrame<ChatCompletionChunk>.Error(trimmed);
        }

        // A fold takes the event in as it came; a caller enumerating gets the chunk.
        if (fold is null)
        {
            return StreamFrame<ChatCompletionChunk>.Of(Wire.Parse<ChatCompletionChunk>(trimmed));
        }

        fold.AppendEvent(trimmed);
        return StreamFrame<ChatCompletionChunk>.Of(null);
    }
}
