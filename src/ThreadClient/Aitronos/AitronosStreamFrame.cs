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
    /// <param name="sseEventType">The SSE event line's type.</param>
    /// <param name="data">The SSE data.</param>
    /// <param name="fold">When the SDK folds the stream, the builder, which reads every event into one object of its own; otherwise <see langword="null"/> (a new event each).</param>
    public static StreamFrame<AitronosStreamEvent> Parse(string sseEventType, ReadOnlySpan<byte> data, AitronosResponseBuilder? fold)
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

        var item = fold is null ? Wire.Parse<AitronosStreamEvent>(trimmed) : fold.ReadEvent(trimmed);
        if (sseEventType is not ("message" or ""))
        {
            item.EventType = sseEventType;
        }

        switch (item.EventType)
        {
            case "response.created" or "created":
                item.Kind = AitronosStreamEventKind.Created;
                break;
            case "response.content_delta" or "content_delta" or "response.output_text.delta":
                item.Kind = AitronosStreamEventKind.ContentDelta;
                item.Delta ??= item.Text ?? TextOnly(item.Response);
                break;
            case "response.output_text.done" or "response.content_done" or "content_done":
                item.Kind = AitronosStreamEventKind.ContentDone;
                item.Delta = item.Text;
                break;
            case "response.completed" or "completed":
                item.Kind = AitronosStreamEventKind.Completed;
                break;
            case "response.heartbeat" or "heartbeat" or "ping":
                item.Kind = AitronosStreamEventKind.Heartbeat;
                break;
            case "response.error" or "response.failed" or "error":
                return StreamFrame<AitronosStreamEvent>.Error(trimmed);
            case "" when ReplyChecks.IsErrorEnvelope(trimmed):
                // An error envelope sent as a plain data frame, with no event name at all.
                return StreamFrame<AitronosStreamEvent>.Error(trimmed);
            default:
                return default;
        }

        // Newer events nest the response: {"type":"response.created","response":{"id":...,"status":...}}.
        item.ResponseId ??= item.Response?.Id ?? (item.Kind == AitronosStreamEventKind.Created ? item.Id : null);
        if (item.Kind == AitronosStreamEventKind.Completed)
        {
            // The completed event carries the response either nested as an object or flattened into the event
            // (the deployed Freddy API's: its whole text in "response", its thread in "threadId").
            var response = item.Response is null or { IsTextOnly: true } ? Wire.Parse<AitronosResponse>(trimmed) : item.Response;
            response.Id ??= item.ResponseId;
            response.ThreadId ??= item.ThreadId;
            item.Response = response;
            item.ResponseId ??= response.Id;
            item.ThreadId ??= response.ThreadId;
        }

        return StreamFrame<AitronosStreamEvent>.Of(item);
    }

    /// <summary>The text of an event's <c>response</c> that held only text.</summary>
    internal static string? TextOnly(AitronosResponse? response) => response is { IsTextOnly: true } ? response.OutputText : null;
}
