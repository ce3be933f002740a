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
        HttpStatusCode.Forbidden when threadNamed && ErrorShape.CodeMentions(error, "LOCKED", "ARCHIVED", "WRITABLE", "READ_ONLY", "READONLY") => new ThreadNotWritableException(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone when chained && !ErrorShape.IsRouteNotFound(error) => new PreviousResponseUnavailableException(error),
        HttpStatusCode.BadRequest when chained && ErrorShape.CodeMentions(error, "PREVIOUS", "EXPIRED") => new PreviousResponseUnavailableException(error),
        HttpStatusCode.NotFound when threadNamed && !ErrorShape.IsRouteNotFound(error) => new ThreadNotFoundException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new EndpointRetiredException(error, endpoint),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };
}
