using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>A thread, read tolerantly (snake_case or camelCase; timestamps as ISO strings or unix seconds).</summary>
public sealed class AitronosThread : ThreadsResult
{
    /// <summary>The thread id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The lifecycle state, when the service reports it; <see cref="ThreadLifecycleState.Unknown"/> for a state this SDK does not know.</summary>
    public ThreadLifecycleState? State { get; set; }

    /// <summary>The activity status (not the lifecycle), as the service sent it.</summary>
    public string? Status { get; set; }

    /// <summary>The metadata.</summary>
    public ThreadMetadata Metadata { get; set; } = [];

    /// <summary>When the thread was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the thread last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>How many messages the thread holds, when reported.</summary>
    public long? MessageCount { get; set; }

    /// <summary>Whether the thread is listed by default (<see langword="false"/> for <c>store: false</c> threads).</summary>
    public bool? VisibleInUi { get; set; }

    /// <summary>The thread's title, when it has one.</summary>
    public string? Title { get; set; }

    /// <summary>The thread as the service sent it.</summary>
    public JsonElement Raw { get; set; }

    internal static AitronosThread Read(JsonElement json) => new()
    {
        Id = JsonRead.String(json, "id") ?? JsonRead.String(json, "thread_id", "threadId") ?? "",
        State = ThreadLifecycle.FromWire(JsonRead.String(json, "state") ?? JsonRead.String(json, "thread_state", "threadState")),
        Status = JsonRead.String(json, "status"),
        Metadata = ReadMetadata(json),
        CreatedAt = JsonRead.Time(json, "created_at", "createdAt"),
        UpdatedAt = JsonRead.Time(json, "updated_at", "updatedAt"),
        MessageCount = JsonRead.Int64(json, "message_count", "messageCount"),
        VisibleInUi = JsonRead.Boolean(json, "visible_in_ui", "visibleInUi"),
        Title = JsonRead.String(json, "title"),
        Raw = json.Clone(),
    };

    private static ThreadMetadata ReadMetadata(JsonElement json)
    {
        var metadata = new ThreadMetadata();
        if (JsonRead.TryGet(json, "metadata", "metadata", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                metadata[property.Name] = new MetadataValue(property.Value);
            }
        }

        return metadata;
    }
}
