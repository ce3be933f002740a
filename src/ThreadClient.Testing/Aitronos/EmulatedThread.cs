using System.Text.Json.Nodes;

namespace ThreadClient.Testing.Aitronos;

/// <summary>One Aitronos thread held by the emulator.</summary>
internal sealed class EmulatedThread
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public JsonObject Metadata { get; set; } = [];

    public string State { get; set; } = "open";

    public bool VisibleInUi { get; set; } = true;

    public List<(string Id, string Role, string Text, DateTimeOffset CreatedAt)> Messages { get; } = [];

    public IEnumerable<string> UserTurns => Messages.Where(m => m.Role == "user").Select(m => m.Text);

    /// <summary>The documented lifecycle: open and locked go both ways; either may be archived, for good.</summary>
    public static bool CanMove(string from, string to) => from == to || (from, to) switch
    {
        ("open", "locked") or ("locked", "open") or ("open", "archived") or ("locked", "archived") => true,
        _ => false,
    };

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "thread",
        ["created_at"] = EmulatorHttp.Unix(CreatedAt),
        ["updated_at"] = EmulatorHttp.Unix(UpdatedAt),
        ["metadata"] = Metadata.DeepClone(),
        ["state"] = State,
        ["message_count"] = Messages.Count,
        ["visible_in_ui"] = VisibleInUi,
    };

    public JsonObject MessageJson(int index)
    {
        var message = Messages[index];
        return new JsonObject
        {
            ["id"] = message.Id,
            ["object"] = "thread.message",
            ["thread_id"] = Id,
            ["role"] = message.Role,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = message.Text }),
            ["created_at"] = EmulatorHttp.Unix(message.CreatedAt),
        };
    }
}
