using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Which exception an Agent API error reply becomes.</summary>
internal static class AgentErrors
{
    public const string ResponsesPath = "v1/responses";

    public static readonly ErrorMapper Plain = error => Map(error, sentPreviousResponse: false);

    private static readonly ErrorMapper Chained = error => Map(error, sentPreviousResponse: true);

    public static ErrorMapper For(AgentRequest request) => request.PreviousResponseId is null ? Plain : Chained;

    /// <summary>
    /// The code for a rejected <c>previous_response_id</c> is not documented (assumed): a 404 that is
    /// not the framework's "no such route", or a 400 that names the field.
    /// </summary>
    public static ThreadsApiException Map(ThreadsApiError error, bool sentPreviousResponse) => error.StatusCode switch
    {
        HttpStatusCode.NotFound when sentPreviousResponse && !ErrorShape.IsRouteNotFound(error) => PreviousGone(error),
        HttpStatusCode.BadRequest when sentPreviousResponse && ErrorShape.TextMentions(error, "previous_response") => PreviousGone(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };

    private static PreviousResponseUnavailableException PreviousGone(ThreadsApiError error) =>
        new(error, "the service does not know the previous_response_id (not stored, expired or unknown): send the turn again with the transcript in input.");

    public static ThreadsStreamException Failed(ProviderEndpoint endpoint, AgentError? error, string fallbackMessage, string? code, string partialText) =>
        new(
            new ThreadsApiError
            {
                Provider = endpoint.Provider,
                StatusCode = HttpStatusCode.OK,
                Code = endpoint.Redact(error?.Code ?? code),
                Type = endpoint.Redact(error?.Type),
                Message = endpoint.Redact(error?.Message ?? fallbackMessage),
            },
            partialText);
}
