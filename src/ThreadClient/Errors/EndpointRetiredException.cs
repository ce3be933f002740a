namespace ThreadClient;

/// <summary>
/// The endpoint itself is gone: a 404 or 410 on the route (not on a thread), or the service saying
/// the endpoint has moved. Perplexity switched off <c>/chat/completions</c> on 2026-09-27 and answers
/// 403 <c>chat_completions_not_available</c> "Use /v1/responses instead": then <see cref="Successor"/>
/// names the Agent API and the message says how to move. Perplexity sessions move there by
/// themselves unless <c>ThreadsClientOptions.Perplexity.ChatCompletionsRetirement</c> is <c>Throw</c>.
/// </summary>
public sealed class EndpointRetiredException : ThreadsApiException
{
    /// <summary>Creates the exception for a route that is not served.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="endpoint">The path that was called, for example <c>/chat/completions</c>.</param>
    public EndpointRetiredException(ThreadsApiError error, string endpoint)
        : this(error, endpoint, successor: null, migration: null)
    {
    }

    /// <summary>Creates the exception for an endpoint that moved.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="endpoint">The path that was called, for example <c>/chat/completions</c>.</param>
    /// <param name="successor">Where it moved, for example <c>/v1/responses</c>; <see langword="null"/> when unknown.</param>
    /// <param name="migration">What the caller can do (the option or client that moves), when known.</param>
    public EndpointRetiredException(ThreadsApiError error, string endpoint, string? successor, string? migration)
        : base(error, Summary(endpoint, successor, migration))
    {
        Endpoint = endpoint;
        Successor = successor;
        Migration = migration;
    }

    /// <summary>The path that was called.</summary>
    public string Endpoint { get; }

    /// <summary>The endpoint that replaced it, when the service named one (Perplexity: <c>/v1/responses</c>, the Agent API).</summary>
    public string? Successor { get; }

    /// <summary>How to move, when known: the client to call or the option that migrates.</summary>
    public string? Migration { get; }

    private static string Summary(string endpoint, string? successor, string? migration) =>
        successor is null
            ? $"the endpoint {endpoint} is not served any more (retired or moved); check the base address and the provider's migration notes."
            : $"the endpoint {endpoint} is retired; its successor is {successor}. {migration}".TrimEnd();
}
