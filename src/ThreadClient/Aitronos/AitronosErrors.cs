using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Aitronos;

/// <summary>Which exception an Aitronos error reply becomes. Keyed on status and <c>error.code</c>, never on message text.</summary>
internal static class AitronosErrors
{
    public static ErrorMapper For(string endpoint, bool threadNamed, bool chained) =>
        error => Map(error, endpoint, threadNamed, chained);

    public static ThreadsApiException Map(ThreadsApiError error, string endpoint, bool threadNamed, bool chained) => error.StatusCode switch
    {
        HttpStatusCode.Conflict when threadNamed => new ThreadNotWritableException(error),
        HttpStatusCode.Forbidden when threadNamed && CodeMentions(error, "LOCKED", "ARCHIVED", "WRITABLE", "READ_ONLY", "READONLY") => new ThreadNotWritableException(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone when chained && !IsRouteNotFound(error) => new PreviousResponseUnavailableException(error),
        HttpStatusCode.BadRequest when chained && CodeMentions(error, "PREVIOUS", "EXPIRED") => new PreviousResponseUnavailableException(error),
        HttpStatusCode.NotFound when threadNamed && !IsRouteNotFound(error) => new ThreadNotFoundException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new EndpointRetiredException(error, endpoint),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };

    private static bool CodeMentions(ThreadsApiError error, params ReadOnlySpan<string> words)
    {
        if (error.Code is not { } code)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (code.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A framework's "no such route" reply (no service error code or type) rather than the service's own 404.
    private static bool IsRouteNotFound(ThreadsApiError error) =>
        error.Code is null && error.Type is null
        && (error.Message is null || string.Equals(error.Message, "Not Found", StringComparison.OrdinalIgnoreCase));
}
