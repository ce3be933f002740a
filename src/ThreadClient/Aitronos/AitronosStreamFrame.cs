using System.Text.Json;
using ThreadClient.Http;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// Reads one SSE event of a streamed response into the stream frame every provider shares
/// (<see cref="StreamFrame{T}"/>: an event, <c>[DONE]</c>, an error frame, or nothing). The type comes from
/// the <c>event:</c> line, or, when that is absent, from the JSON's <c>event</c> (or <c>type</c>) field.
/// </summary>
internal static class AitronosStreamFrame
{
    public static StreamFrame<AitronosStreamEvent> Parse(string sseEventType, ReadOnlySpan<byte> data)
    {
        var trimmed = SseStream.Payload(data);
        if (trimmed.IsEmpty)
        {
            return default;
        }

        if (SseStream.IsDone(trimmed))
        {
            return StreamFrame<AitronosStreamEvent>.Done;
        }

        var json = JsonSerializer.Deserialize(trimmed, AitronosJsonContext.Default.JsonElement);
        var type = sseEventType is "message" or ""
            ? JsonRead.String(json, "event") ?? JsonRead.String(json, "type") ?? ""
            : sseEventType;
        AitronosStreamEventKind kind;
        switch (type)
        {
            case "response.created" or "created":
                kind = AitronosStreamEventKind.Created;
                break;
            case "response.content_delta" or "content_delta" or "response.output_text.delta":
                kind = AitronosStreamEventKind.ContentDelta;
                break;
            case "response.output_text.done" or "response.content_done" or "content_done":
                kind = AitronosStreamEventKind.ContentDone;
                break;
            case "response.completed" or "completed":
                kind = AitronosStreamEventKind.Completed;
                break;
            case "response.heartbeat" or "heartbeat" or "ping":
                kind = AitronosStreamEventKind.Heartbeat;
                break;
            case "response.error" or "response.failed" or "error":
                return StreamFrame<AitronosStreamEvent>.Error(trimmed);
            case "" when ReplyChecks.IsErrorEnvelope(trimmed):
                // An error envelope sent as a plain data frame, with no event name at all.
                return StreamFrame<AitronosStreamEvent>.Error(trimmed);
            default:
                return default;
        }

        var item = new AitronosStreamEvent
        {
            EventType = type,
            Kind = kind,
            ResponseId = JsonRead.String(json, "response_id", "responseId") ?? NestedResponseId(json) ?? (kind == AitronosStreamEventKind.Created ? JsonRead.String(json, "id") : null),
            ThreadId = JsonRead.String(json, "thread_id", "threadId"),
            Raw = json,
        };
        if (kind is AitronosStreamEventKind.ContentDelta or AitronosStreamEventKind.ContentDone && JsonRead.TryGet(json, kind == AitronosStreamEventKind.ContentDone ? "text" : "delta", "text", out var delta))
        {
            item.Delta = AitronosJsonText.Of(delta);
        }
        else if (kind == AitronosStreamEventKind.Completed)
        {
            item.Response = ReadCompleted(json);
            item.ResponseId ??= item.Response.Id;
            item.ThreadId ??= item.Response.ThreadId;
        }

        return StreamFrame<AitronosStreamEvent>.Of(item);
    }

    // Newer events nest the response: {"type":"response.created","response":{"id":...,"status":...}}.
    private static string? NestedResponseId(JsonElement json) =>
        JsonRead.TryGet(json, "response", "response", out var nested) && nested.ValueKind == JsonValueKind.Object ? JsonRead.String(nested, "id") : null;

    // The completed event carries the response either nested as an object or flattened into the event.
    private static AitronosResponse ReadCompleted(JsonElement json)
    {
        if (!JsonRead.TryGet(json, "response", "response", out var nested) || nested.ValueKind != JsonValueKind.Object)
        {
            return AitronosResponse.Read(json);
        }

        var response = AitronosResponse.Read(nested);
        response.Id ??= JsonRead.String(json, "response_id", "responseId");
        response.ThreadId ??= JsonRead.String(json, "thread_id", "threadId");
        return response;
    }
}
