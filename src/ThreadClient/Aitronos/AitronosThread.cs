using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>A thread, read tolerantly (snake_case or camelCase; timestamps as ISO strings or unix seconds).</summary>
[JsonConverter(typeof(WireModelConverter<AitronosThread>))]
public sealed class AitronosThread : ThreadsResult, IWireModel<AitronosThread>
{
    private static readonly JsonFields<AitronosThread> Table = new JsonFields<AitronosThread>(static () => new())
        .Add("id", Wire.Text, static x => x.Id, static (x, v) => x.Id = v!).Or("thread_id").Or("threadId")
        .Add("state", Wire.Known, static x => x.State is { } state and not ThreadLifecycleState.Unknown ? ThreadLifecycle.ToWire(state) : null, static (x, v) => x.State = ThreadLifecycle.FromWire(v))
            .Or("thread_state").Or("threadState")
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Add("metadata", ThreadMetadataConverter.Instance, static x => x.Metadata, static (x, v) => x.Metadata = v!)
        .Add("created_at", Wire.Time, static x => x.CreatedAt, static (x, v) => x.CreatedAt = v).Or("createdAt")
        .Add("updated_at", Wire.Time, static x => x.UpdatedAt, static (x, v) => x.UpdatedAt = v).Or("updatedAt")
        .Add("message_count", Wire.Int64, static x => x.MessageCount, static (x, v) => x.MessageCount = v).Or("messageCount")
        .Add("visible_in_ui", Wire.Boolean, static x => x.VisibleInUi, static (x, v) => x.VisibleInUi = v).Or("visibleInUi")
        .Add("title", Wire.Text, static x => x.Title, static (x, v) => x.Title = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    private string _id = "";
    private ThreadMetadata _metadata = [];

    /// <summary>The thread id.</summary>
    public string Id
    {
        get => _id;
        set => _id = value ?? "";
    }

    /// <summary>The lifecycle state, when the service reports it; <see cref="ThreadLifecycleState.Unknown"/> for a state this SDK does not know.</summary>
    public ThreadLifecycleState? State { get; set; }

    /// <summary>The activity status (not the lifecycle), as the service sent it.</summary>
    public string? Status { get; set; }

    /// <summary>The metadata.</summary>
    public ThreadMetadata Metadata
    {
        get => _metadata;
        set => _metadata = value ?? [];
    }

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

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    static JsonFields<AitronosThread> IWireModel<AitronosThread>.Fields => Table;
}
