using System.Net;

namespace ThreadClient.Http;

/// <summary>
/// A stream whose body ended cleanly before the answer said it was finished (no <c>finish_reason</c>, no
/// <c>response.completed</c>): a proxy or a dropped upstream cut it, and its text is not the answer. Every
/// provider's stream raises the same <c>stream_incomplete</c> for it, with the text received so far.
/// </summary>
internal static class StreamIncomplete
{
    public const string Code = "stream_incomplete";

    public static ThreadsStreamException Exception(ProviderEndpoint endpoint, string missing, string partialText) =>
        new(
            new ThreadsApiError
            {
                Provider = endpoint.Provider,
                StatusCode = HttpStatusCode.OK,
                Code = Code,
                Message = $"The stream ended before {missing}: the answer was cut off on its way, so it is not recorded as one.",
            },
            partialText);
}
