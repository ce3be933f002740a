using System.Net;

namespace ThreadClient.Http;

/// <summary>
/// The socket handler under every HTTP client the SDK makes (its own, and the factory's under
/// dependency injection): compressed replies are decoded, and a response disposed before its end (a
/// stream the caller stopped) closes its connection at once instead of draining it, so that the
/// server sees the stop and ends the generation. Responses read to their end keep their connection.
/// </summary>
internal static class PrimaryHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
        MaxResponseDrainSize = 0,
        ResponseDrainTimeout = TimeSpan.Zero,
    };
}
