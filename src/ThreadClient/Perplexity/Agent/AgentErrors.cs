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
    /// A rejected <c>previous_response_id</c>: the live service answers an unknown, malformed, in-progress
    /// or cancelled one with a bare 400 <c>{"message":"invalid request","type":"invalid_request"}</c> that
    /// names no field (WIRE.md §4); a 404 that is not the framework's "no such route", or a 400 that names
    /// the field, are read the same way. A 400 that says what failed validation is the caller's mistake.
    /// </summary>
    public static ThreadsApiException Map(ThreadsApiError error, bool sentPreviousResponse) => error.StatusCode switch
    {
        HttpStatusCode.NotFound when sentPreviousResponse && !ErrorShape.IsRouteNotFound(error) => PreviousGone(error),
        HttpStatusCode.BadRequest when sentPreviousResponse && (IsBareInvalidRequest(error) || ErrorShape.TextMentions(error, "previous_response")) => PreviousGone(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };

    /// <summary>The live service's 400 that says nothing but "invalid request" (no field, no validation detail).</summary>
    private static bool IsBareInvalidRequest(ThreadsApiError error) =>
        error.Param is null
        && string.Equals(error.Type, "invalid_request", StringComparison.Ordinal)
        && string.Equals(error.Message?.Trim(), "invalid request", StringComparison.OrdinalIgnoreCase);

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
