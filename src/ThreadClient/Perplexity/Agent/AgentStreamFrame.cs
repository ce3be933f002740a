using System.Net;
using System.Text;
using System.Text.Json;
using ThreadClient.Http;

namespace ThreadClient.Perplexity.Agent;

/// <summary>One parsed event of an Agent API stream: an event, the <c>[DONE]</c> marker, or an error frame (<c>event: error</c>, or a bare <c>{"error":{...}}</c>).</summary>
internal readonly struct AgentStreamFrame
{
    private AgentStreamFrame(AgentStreamEvent? item, bool isDone, string? errorBody)
    {
        Event = item;
        IsDone = isDone;
        ErrorBody = errorBody;
    }

    public AgentStreamEvent? Event { get; }

    public bool IsDone { get; }

    public string? ErrorBody { get; }

    public static AgentStreamFrame Parse(string eventType, ReadOnlySpan<byte> data)
    {
        var payload = SseStream.Payload(data);
        if (string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase))
        {
            return new AgentStreamFrame(null, false, Encoding.UTF8.GetString(payload));
        }

        if (payload.IsEmpty)
        {
            return default;
        }

        if (SseStream.IsDone(payload))
        {
            return new AgentStreamFrame(null, true, null);
        }

        var item = JsonSerializer.Deserialize(payload, AgentJsonContext.Default.AgentStreamEvent)
            ?? throw new JsonException("An Agent API stream event was JSON null.");
        if (item.Type.Length == 0)
        {
            // A frame without a type: an in-band error envelope, or an event named only by its SSE line.
            if (item.Error is not null)
            {
                return new AgentStreamFrame(null, false, Encoding.UTF8.GetString(payload));
            }

            if (eventType is { Length: > 0 } and not "message")
            {
                item.Type = eventType;
            }
        }

        return new AgentStreamFrame(item, false, null);
    }

    public ThreadsStreamException ToException(ProviderEndpoint endpoint, string partialText) =>
        new(ErrorReplyReader.Parse(endpoint, HttpStatusCode.OK, ErrorBody, requestId: null, retryAfter: null), partialText);
}
