namespace ThreadClient.Aitronos;

/// <summary>
/// The <c>thread</c> of a response request: written as the plain id string, or as
/// <c>{"id":...,"metadata":{...}}</c> when metadata is given. A thread id that does not exist yet
/// is created by the service. A <see cref="string"/> converts to it implicitly.
/// </summary>
public sealed class ThreadReference
{
    /// <summary>Creates a reference by id.</summary>
    /// <param name="id">The thread id, for example <c>support_user123_ticket789</c>.</param>
    /// <param name="metadata">Metadata to attach; <see langword="null"/> writes the id as a plain string.</param>
    public ThreadReference(string id, ThreadMetadata? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Metadata = metadata;
    }

    /// <summary>The thread id.</summary>
    public string Id { get; }

    /// <summary>The metadata sent with it, if any.</summary>
    public ThreadMetadata? Metadata { get; }

    /// <summary>Refers to a thread by id.</summary>
    /// <param name="id">The thread id.</param>
    public static implicit operator ThreadReference(string id) => new(id);

    /// <summary>Refers to a thread by id.</summary>
    /// <param name="id">The thread id.</param>
    /// <returns>The reference.</returns>
    public static ThreadReference FromId(string id) => new(id);

    /// <summary>Refers to a thread by id, creating it with this metadata if it does not exist.</summary>
    /// <param name="id">The thread id.</param>
    /// <param name="metadata">The metadata.</param>
    /// <returns>The reference.</returns>
    public static ThreadReference WithMetadata(string id, ThreadMetadata metadata) => new(id, metadata ?? throw new ArgumentNullException(nameof(metadata)));
}
