namespace ThreadClient.Http;

/// <summary>What kind of call a request is, so the resilience handler picks the right retry set and timeout.</summary>
internal enum RequestProfile
{
    /// <summary>Thread reads, updates and deletes: idempotent, full retry set, short timeout.</summary>
    Crud = 0,

    /// <summary>A paid generation (chat completion, model response).</summary>
    Generation,

    /// <summary>A paid generation whose reply is a stream: only the headers are awaited inside the attempt.</summary>
    StreamingGeneration,

    /// <summary>A request that creates a resource (<c>POST /v1/threads</c>): retried only when the server provably did not process it, with the CRUD timeout.</summary>
    Create,

    /// <summary>A request the SDK did not build (sent through the handler by other code): the safe retry set, and the generation timeout so as not to cut it short.</summary>
    Foreign,
}

/// <summary>
/// A request that knows its <see cref="RequestProfile"/>, carried through the handler chain as the
/// request itself (cheaper than <see cref="HttpRequestMessage.Options"/>, which allocates a dictionary).
/// </summary>
internal sealed class ProfiledRequest(HttpMethod method, Uri uri, RequestProfile profile) : HttpRequestMessage(method, uri)
{
    public RequestProfile Profile { get; } = profile;
}

/// <summary>Reads the <see cref="RequestProfile"/> of a request; a request the SDK did not make is <see cref="RequestProfile.Foreign"/>.</summary>
internal static class RequestProfiles
{
    public static RequestProfile Of(HttpRequestMessage request) =>
        request is ProfiledRequest profiled ? profiled.Profile : RequestProfile.Foreign;

    /// <summary>Whether a retry can run the request twice on the server: everything but idempotent thread reads, updates and deletes.</summary>
    public static bool IsUnsafeToRepeat(RequestProfile profile) => profile != RequestProfile.Crud;

    /// <summary>Whether the request is a generation (streamed or not): those are observed as GenAI operations.</summary>
    public static bool IsGeneration(RequestProfile profile) => profile is RequestProfile.Generation or RequestProfile.StreamingGeneration;
}
