using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Perplexity;

/// <summary>Which exception a Perplexity error reply becomes, given what the request asked for.</summary>
internal static class PerplexityErrors
{
    public const string ChatCompletionsPath = "chat/completions";

    /// <summary>Where Perplexity moved chat completions: the Agent API.</summary>
    public const string AgentSuccessor = "/v1/responses";

    private const string Migration =
        "Sessions move there by themselves (ThreadsClientOptions.Perplexity.ChatCompletionsRetirement = MigrateToAgentApi, the default); for direct calls use client.Perplexity.Agent.";

    private static readonly ErrorMapper Plain = error => Map(error, threads: false, sentThreadId: false);
    private static readonly ErrorMapper Threaded = error => Map(error, threads: true, sentThreadId: false);
    private static readonly ErrorMapper Continued = error => Map(error, threads: true, sentThreadId: true);

    public static ErrorMapper For(ChatCompletionRequest request) =>
        request.ThreadId is not null ? Continued : request.UseThreads == true ? Threaded : Plain;

    public static ThreadsApiException Map(ThreadsApiError error, bool threads, bool sentThreadId) => error.StatusCode switch
    {
        HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone when SaysEndpointMoved(error) =>
            new EndpointRetiredException(error, "/" + ChatCompletionsPath, AgentSuccessor, Migration),
        HttpStatusCode.BadRequest when sentThreadId && ErrorShape.TextMentions(error, "thread_id") => new InvalidThreadIdException(error),
        HttpStatusCode.Unauthorized when threads && !LooksLikeCredentialFailure(error) => new ThreadingUnavailableException(error),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ThreadsAuthenticationException(error),
        HttpStatusCode.NotFound when sentThreadId && !ErrorShape.IsRouteNotFound(error) => new ThreadNotFoundException(error),
        HttpStatusCode.NotFound or HttpStatusCode.Gone => new EndpointRetiredException(error, "/" + ChatCompletionsPath),
        HttpStatusCode.TooManyRequests => new RateLimitedException(error),
        _ => new ThreadsApiException(error),
    };

    /// <summary>
    /// Perplexity's answer since 2026-09-27: 403 <c>chat_completions_not_available</c> (or
    /// <c>agent_api_migration_required</c>), "Sonar is now the Agent API. Use /v1/responses instead.".
    /// The body is known only from reports, so any one of the type, the code or the message naming the
    /// successor counts, together with the status; the status alone never does (a bad key is a 403 too).
    /// </summary>
    internal static bool SaysEndpointMoved(ThreadsApiError error) =>
        IsMigrationWord(error.Type) || IsMigrationWord(error.Code)
        || ErrorShape.MessageMentions(error, "/v1/responses") || ErrorShape.MessageMentions(error, "/v1/agent");

    private static bool IsMigrationWord(string? value) =>
        value is not null
        && (value.Equals("chat_completions_not_available", StringComparison.OrdinalIgnoreCase)
            || value.Equals("agent_api_migration_required", StringComparison.OrdinalIgnoreCase));

    // A 401 that talks about the key or token, or carries no JSON error type or code (a gateway's
    // HTML page), is a credential failure even when threads were asked for.
    private static bool LooksLikeCredentialFailure(ThreadsApiError error) =>
        (error.Type is null && error.Code is null)
        || ErrorShape.TextMentions(error, "api key") || ErrorShape.TextMentions(error, "api_key") || ErrorShape.TextMentions(error, "token");
}
