using System.Net;

namespace ThreadClient;

/// <summary>
/// What a service said when it refused a request: the HTTP status, the service's own error fields,
/// a bounded copy of the raw body, and the headers a caller needs to react (request id, Retry-After).
/// </summary>
/// <remarks>
/// Built by the SDK from an error reply; public and constructible so that tests of calling code can
/// create the exceptions that carry it. It never contains the API key: the SDK redacts it from the
/// service's message and body before building this object.
/// </remarks>
public sealed record ThreadsApiError
{
    /// <summary>The largest raw body kept, in characters; longer bodies are cut and marked.</summary>
    public const int MaxRawBodyLength = 8 * 1024;

    /// <summary>The provider that answered, for example <c>Perplexity</c> or <c>Aitronos</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The HTTP status code of the reply (200 for an error sent in-band inside a stream).</summary>
    public required HttpStatusCode StatusCode { get; init; }

    /// <summary>The service's error code (<c>error.code</c>), as text whether the service sent a number or a string.</summary>
    public string? Code { get; init; }

    /// <summary>The service's error type (<c>error.type</c>), when it sent one.</summary>
    public string? Type { get; init; }

    /// <summary>The service's human-readable message, when it sent one (FastAPI <c>detail</c> entries are joined).</summary>
    public string? Message { get; init; }

    /// <summary>The request field the service named as the cause (<c>error.param</c>, for example the unknown field of a 400), when it named one.</summary>
    public string? Param { get; init; }

    /// <summary>The reply body as received, cut to <see cref="MaxRawBodyLength"/> characters.</summary>
    public string? RawBody { get; init; }

    /// <summary>The request id from <c>x-request-id</c> (or the body's <c>trace_id</c>), for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>How long the service asked the caller to wait (<c>retry-after-ms</c> or <c>Retry-After</c>).</summary>
    /// <remarks>A 429 without either header carries the time until its <c>x-ratelimit-reset</c>.</remarks>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The reply's rate-limit headers (<see cref="ThreadsRateLimits.None"/> when it carried none, or the error came in-band inside a stream).</summary>
    public ThreadsRateLimits RateLimits { get; init; } = ThreadsRateLimits.None;
}
