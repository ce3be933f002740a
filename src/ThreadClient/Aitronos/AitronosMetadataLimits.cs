namespace ThreadClient.Aitronos;

/// <summary>
/// The metadata limits checked before sending. The 16 KB total is the product document's; the
/// key count and lengths come from the service's public pages. Set a limit to 0 to stop checking it.
/// </summary>
public sealed class AitronosMetadataLimits
{
    /// <summary>Most bytes of metadata per thread, as UTF-8 JSON. Default 16,384.</summary>
    public int MaxBytes { get; set; } = 16 * 1024;

    /// <summary>Most keys. Default 16.</summary>
    public int MaxKeys { get; set; } = 16;

    /// <summary>Longest key, in characters. Default 64.</summary>
    public int MaxKeyLength { get; set; } = 64;

    /// <summary>Longest value, in characters of its text. Default 512.</summary>
    public int MaxValueLength { get; set; } = 512;
}
