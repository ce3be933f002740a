using System.Text.Json.Nodes;

namespace ThreadClient.Testing.Aitronos;

/// <summary>The emulator's Aitronos state: threads (in creation order) and stored responses. Callers lock <see cref="Gate"/>.</summary>
internal sealed class AitronosStore
{
    private long _sequence;

    public object Gate { get; } = new();

    public Dictionary<string, EmulatedThread> Threads { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (DateTimeOffset CreatedAt, List<string> Context)> Responses { get; } = new(StringComparer.Ordinal);

    public long Next() => ++_sequence;

    public EmulatedThread Create(string? id, DateTimeOffset now, JsonObject? metadata, bool visible)
    {
        var sequence = Next();
        var thread = new EmulatedThread { Id = id ?? EmulatorHttp.Id("thread_", sequence), Sequence = sequence, CreatedAt = now, UpdatedAt = now, VisibleInUi = visible };
        if (metadata is not null)
        {
            thread.Metadata = (JsonObject)metadata.DeepClone();
        }

        Threads[thread.Id] = thread;
        return thread;
    }

    /// <summary>Merges metadata keys (a null value removes one).</summary>
    public static void Merge(EmulatedThread thread, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                thread.Metadata.Remove(key);
            }
            else
            {
                thread.Metadata[key] = value.DeepClone();
            }
        }
    }
}
