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
}

/// <summary>
/// A request that knows its <see cref="RequestProfile"/>, carried through the handler chain as the
/// request itself (cheaper than <see cref="HttpRequestMessage.Options"/>, which allocates a dictionary).
/// </summary>
internal sealed class ProfiledRequest(HttpMethod method, Uri uri, RequestProfile profile) : HttpRequestMessage(method, uri)
{
    public RequestProfile Profile { get; } = profile;
}

/// <summary>Reads the <see cref="RequestProfile"/> of a request; a request the SDK did not make counts as CRUD.</summary>
internal static class RequestProfiles
{
    public static RequestProfile Of(HttpRequestMessage request) =>
        request is ProfiledRequest profiled ? profiled.Profile : RequestProfile.Crud;
}
