namespace ThreadClient;

/// <summary>
/// The endpoint itself is gone (404 or 410 on the route, not on a thread). Perplexity announced the
/// retirement of <c>/chat/completions</c> for 2026-09-27 in favour of <c>/v1/responses</c>.
/// </summary>
public sealed class EndpointRetiredException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="endpoint">The path that was called, for example <c>/chat/completions</c>.</param>
    public EndpointRetiredException(ThreadsApiError error, string endpoint)
        : base(error, $"the endpoint {endpoint} is not served any more (retired or moved); check the base address and the provider's migration notes.")
    {
        Endpoint = endpoint;
    }

    /// <summary>The path that was called.</summary>
    public string Endpoint { get; }
}
