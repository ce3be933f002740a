using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One message of a thread, read tolerantly.</summary>
public sealed class AitronosMessage
{
    /// <summary>The message id.</summary>
    public string? Id { get; set; }

    /// <summary>The thread it belongs to, when reported.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Who said it: <c>user</c>, <c>assistant</c> or <c>system</c>.</summary>
    public string? Role { get; set; }

    /// <summary>The text (parts joined).</summary>
    public string? Text { get; set; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The message as the service sent it.</summary>
    public JsonElement Raw { get; set; }

    internal static AitronosMessage Read(JsonElement json) => new()
    {
        Id = JsonRead.String(json, "id"),
        ThreadId = JsonRead.String(json, "thread_id", "threadId"),
        Role = JsonRead.String(json, "role"),
        Text = ReadText(json),
        CreatedAt = JsonRead.Time(json, "created_at", "createdAt"),
        Raw = json.Clone(),
    };

    private static string? ReadText(JsonElement json)
    {
        foreach (var name in (ReadOnlySpan<string>)["content", "texts", "text"])
        {
            if (json.TryGetProperty(name, out var value) && AitronosJsonText.Of(value) is { } text)
            {
                return text;
            }
        }

        return null;
    }
}
