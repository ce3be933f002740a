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

/// <summary>Carries the <see cref="RequestProfile"/> on the request through the handler chain.</summary>
internal static class RequestProfiles
{
    public static readonly HttpRequestOptionsKey<RequestProfile> Key = new("ThreadClient.RequestProfile");

    public static RequestProfile Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var profile) ? profile : RequestProfile.Crud;
}
