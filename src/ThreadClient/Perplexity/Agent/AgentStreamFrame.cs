using ThreadClient.Http;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Parses one event of an Agent API stream: an event, the <c>[DONE]</c> marker, or an error frame (<c>event: error</c>, or a bare <c>{"error":{...}}</c>).</summary>
internal static class AgentStreamFrame
{
    /// <param name="eventType">The SSE event line's type.</param>
    /// <param name="data">The SSE data.</param>
    /// <param name="fold">When the SDK folds the stream, the builder, which reads every event into one object of its own; otherwise <see langword="null"/> (a new event each).</param>
    public static StreamFrame<AgentStreamEvent> Parse(string eventType, ReadOnlySpan<byte> data, AgentResponseBuilder? fold)
    {
        var payload = SseStream.Payload(data);
        if (string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase))
        {
            return StreamFrame<AgentStreamEvent>.Error(payload);
        }

        if (payload.IsEmpty)
        {
            return default;
        }

        if (SseStream.IsDone(payload))
        {
            return StreamFrame<AgentStreamEvent>.Done;
        }

        var item = fold is null ? Wire.Parse<AgentStreamEvent>(payload) : fold.ReadEvent(payload);
        if (item.Type.Length == 0)
        {
            // A frame without a type: an in-band error envelope, or an event named only by its SSE line.
            if (item.Error is not null)
            {
                return StreamFrame<AgentStreamEvent>.Error(payload);
            }

            if (eventType is { Length: > 0 } and not "message")
            {
                item.Type = eventType;
            }
        }

        return StreamFrame<AgentStreamEvent>.Of(item);
    }
}
