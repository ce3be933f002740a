using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Aitronos;

/// <summary>Which exception an Aitronos error reply becomes. Keyed on status and <c>error.code</c>, never on message text.</summary>
internal static class AitronosErrors
{
    // One mapper per case, made once: a call allocates none.
    private const string ResponseEndpoint = "/" + AitronosClient.ResponsePath;

    private static readonly ErrorMapper[] ResponseMappers =
        [For(ResponseEndpoint, false, false), For(ResponseEndpoint, false, true), For(ResponseEndpoint, true, false), For(ResponseEndpoint, true, true)];

    private static readonly ErrorMapper ThreadMapper = For("/" + AitronosThreadsClient.ThreadsPath, threadNamed: true, chained: false);
    private static readonly ErrorMapper ThreadListMapper = For("/" + AitronosThreadsClient.ThreadsPath, threadNamed: false, chained: false);

    /// <summary>The mapper for <c>/v1/model/response</c>: whether the request named a thread, and whether it chained on a previous response.</summary>
    public static ErrorMapper ForResponse(bool threadNamed, bool chained) => ResponseMappers[(threadNamed ? 2 : 0) + (chained ? 1 : 0)];

    /// <summary>The mapper for <c>/v1/threads</c>: whether the path names one thread.</summary>
    public static ErrorMapper ForThreads(bool threadNamed) => threadNamed ? ThreadMapper : ThreadListMapper;

    private static ErrorMapper For(string endpoint, bool threadNamed, bool chained) =>
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
