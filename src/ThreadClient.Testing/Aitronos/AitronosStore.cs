using System.Text.Json.Nodes;

namespace ThreadClient.Testing.Aitronos;

/// <summary>
/// The emulator's Aitronos state: threads (in creation order), the ids of threads that are gone (deleted,
/// expired after inactivity or past their maximum age), and stored responses. Callers lock <see cref="Gate"/>.
/// </summary>
internal sealed class AitronosStore(EmulatorOptions options, TimeProvider clock)
{
    private long _sequence;

    public object Gate { get; } = new();

    public Dictionary<string, EmulatedThread> Threads { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of threads that are gone: using one answers 404 <c>THREAD_NOT_FOUND</c>, it is not created again.</summary>
    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);

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

    /// <summary>The live thread with this id, after retiring it if the documented limits have passed on the emulator's clock.</summary>
    public EmulatedThread? Find(string id)
    {
        if (!Threads.TryGetValue(id, out var thread))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - thread.UpdatedAt >= options.AitronosThreadInactivity || now - thread.CreatedAt >= options.AitronosThreadMaxAge)
        {
            Remove(id);
            return null;
        }

        return thread;
    }

    /// <summary>Every live thread (expired ones are retired first).</summary>
    public IEnumerable<EmulatedThread> Live() => Threads.Keys.ToList().Select(Find).OfType<EmulatedThread>();

    /// <summary>Deletes or expires a thread: its id is gone for good.</summary>
    public bool Remove(string id)
    {
        var removed = Threads.Remove(id);
        if (removed)
        {
            Gone.Add(id);
        }

        return removed;
    }

    public void Reset()
    {
        Threads.Clear();
        Gone.Clear();
        Responses.Clear();
        _sequence = 0;
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
