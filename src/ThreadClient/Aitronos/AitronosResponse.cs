using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>
/// A model response, read tolerantly: the id from <c>id</c> or <c>response_id</c>, the thread from
/// <c>thread_id</c> or <c>threadId</c>, and the text from <c>output[].content[].text</c>,
/// <c>response</c> (a string or <c>[{text}]</c>) or <c>choices[].message.content</c>, all behind
/// <see cref="OutputText"/>. <see cref="Raw"/> keeps everything the service sent.
/// </summary>
public sealed class AitronosResponse : ThreadsResult
{
    /// <summary>The response id, to chain with <c>previousResponseId</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The thread the response was stored in, when the service says.</summary>
    public string? ThreadId { get; set; }

    /// <summary>The reply text.</summary>
    public string? OutputText { get; set; }

    /// <summary>The model that answered, when the service says.</summary>
    public string? Model { get; set; }

    /// <summary>The response status (for example <c>completed</c>), when the service says.</summary>
    public string? Status { get; set; }

    /// <summary>When the response was created, when the service says.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Token counts, when the service reports them.</summary>
    public AitronosUsage? Usage { get; set; }

    /// <summary>The reply as the service sent it.</summary>
    public JsonElement Raw { get; set; }

    internal static AitronosResponse Read(JsonElement reply) => new()
    {
        Id = JsonRead.String(reply, "id") ?? JsonRead.String(reply, "response_id", "responseId"),
        ThreadId = JsonRead.String(reply, "thread_id", "threadId") ?? NestedThreadId(reply),
        OutputText = ReadText(reply),
        Model = JsonRead.String(reply, "model"),
        Status = JsonRead.String(reply, "status"),
        CreatedAt = JsonRead.Time(reply, "created_at", "createdAt") ?? JsonRead.Time(reply, "created"),
        Usage = AitronosUsage.Read(reply),
        Raw = reply.Clone(),
    };

    private static string? NestedThreadId(JsonElement reply) =>
        JsonRead.TryGet(reply, "thread", "thread", out var thread)
            ? thread.ValueKind == JsonValueKind.String ? thread.GetString() : JsonRead.String(thread, "id")
            : null;

    private static string? ReadText(JsonElement reply)
    {
        if (JsonRead.String(reply, "output_text", "outputText") is { } direct)
        {
            return direct;
        }

        if (JsonRead.TryGet(reply, "output", "output", out var output) && AitronosJsonText.Of(output) is { } fromOutput)
        {
            return fromOutput;
        }

        if (JsonRead.TryGet(reply, "response", "response", out var response) && AitronosJsonText.Of(response) is { } fromResponse)
        {
            return fromResponse;
        }

        if (JsonRead.TryGet(reply, "choices", "choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in choices.EnumerateArray())
            {
                if (JsonRead.TryGet(choice, "message", "message", out var message) && JsonRead.TryGet(message, "content", "content", out var content))
                {
                    return AitronosJsonText.Of(content);
                }
            }
        }

        return null;
    }
}
