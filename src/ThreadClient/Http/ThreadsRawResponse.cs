using System.Net;
using System.Net.Http.Headers;
using ThreadClient.Http;

namespace ThreadClient;

/// <summary>
/// What a successful HTTP reply said besides its body: its status, request id, rate-limit headers and
/// every other header (see <see cref="ThreadsResult.GetRawResponse"/>). Header values pass through the same
/// redaction as error details, so a credential a server echoed never shows here.
/// </summary>
public sealed class ThreadsRawResponse
{
    private readonly HttpResponseHeaders _headers;
    private readonly ProviderEndpoint _endpoint;

    internal ThreadsRawResponse(HttpStatusCode status, HttpResponseHeaders headers, ProviderEndpoint endpoint)
    {
        Status = status;
        _headers = headers;
        _endpoint = endpoint;
    }

    /// <summary>The HTTP status of the reply (200, 201, 204, ...).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The reply's <c>x-request-id</c>, for support tickets; <see langword="null"/> when absent.</summary>
    public string? RequestId => Header("x-request-id");

    /// <summary>The <c>x-ratelimit-*</c> headers the reply carried, Perplexity's and OpenAI's names (each <see langword="null"/> when absent).</summary>
    public ThreadsRateLimits RateLimits => ThreadsRateLimits.Read(_headers, _endpoint);

    /// <summary>Every header of the reply (several values of one header joined by <c>, </c>), redacted.</summary>
    public IReadOnlyDictionary<string, string> Headers =>
        _headers.ToDictionary(h => h.Key, h => _endpoint.Redact(string.Join(", ", h.Value))!, StringComparer.OrdinalIgnoreCase);

    /// <summary>One header's value (several joined by <c>, </c>), redacted.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the reply carried the header.</returns>
    public bool TryGetHeader(string name, out string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        value = Header(name);
        return value is not null;
    }

    private string? Header(string name) =>
        _headers.TryGetValues(name, out var values) ? _endpoint.Redact(string.Join(", ", values)) : null;
}
