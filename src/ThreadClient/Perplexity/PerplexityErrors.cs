using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Perplexity;

/// <summary>Which exception a Perplexity error reply becomes, given what the request asked for.</summary>
internal static class PerplexityErrors
{
    public const string ChatCompletionsPath = "chat/completions";

    private static readonly ErrorMapper Plain = error => Map(error, threads: false, sentThreadId: false);
    private static readonly ErrorMapper Threaded = error => Map(error, threads: true, sentThreadId: false);
    private static readonly ErrorMapper Continued = error => Map(error, threads: true, sentThreadId: true);

    public static ErrorMapper For(ChatCompletionRequest request) =>
        request.ThreadId is not null ? Continued : request.UseThreads == true ? Threaded : Plain;

    public static ThreadsApiException Map(ThreadsApiError error, bool threads, bool sentThreadId) => error.StatusCode switch
    {
        HttpStatusCode.BadRequest when sentThreadId && ErrorShape.TextMentions(error, "thread_id") => new InvalidThreadIdException(error),
        HttpStatusCode.Unauthorized when threads && !LooksLikeCredentialFailure(error) => new ThreadingUnavailableException(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.NotFound when sentThreadId && !ErrorShape.IsRouteNotFound(error) => new ThreadNotFoundException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new EndpointRetiredException(error, "/" + ChatCompletionsPath),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };

    // A 401 that talks about the key or token, or carries no JSON error type or code (a gateway's
    // HTML page), is a credential failure even when threads were asked for.
    private static bool LooksLikeCredentialFailure(ThreadsApiError error) =>
        (error.Type is null && error.Code is null)
        || ErrorShape.TextMentions(error, "api key") || ErrorShape.TextMentions(error, "api_key") || ErrorShape.TextMentions(error, "token");
}
