namespace ThreadClient.Aitronos;

/// <summary>
/// A thread's metadata: keys to text, numbers or booleans.
/// <c>new ThreadMetadata { ["userId"] = "user_123", ["rating"] = 5 }</c>.
/// </summary>
/// <remarks>The service limits it (16 KB per thread; public pages add 16 keys, 64-character keys and 512-character values); see <see cref="AitronosMetadataLimits"/>.</remarks>
public sealed class ThreadMetadata : Dictionary<string, MetadataValue>
{
    /// <summary>Creates empty metadata.</summary>
    public ThreadMetadata()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Copies metadata.</summary>
    /// <param name="source">The entries to copy.</param>
    public ThreadMetadata(IEnumerable<KeyValuePair<string, MetadataValue>> source)
        : base(source, StringComparer.Ordinal)
    {
    }
}
