using System.Net;
using System.Net.Http.Headers;
using ThreadClient.Http;

namespace ThreadClient;

/// <summary>
/// A result the SDK read from a provider's reply: a completion, a response, a thread, a page. Its
/// <see cref="GetRawResponse"/> tells what the HTTP reply said besides its body (status, request id,
/// rate limits, headers), as <c>ClientResult.GetRawResponse()</c> does in the OpenAI SDK. Keeping that costs
/// the result two references and no allocation; the details object is made only when asked for.
/// </summary>
public abstract class ThreadsResult
{
    private HttpResponseHeaders? _headers;
    private ProviderEndpoint? _endpoint;
    private HttpStatusCode _status;

    private protected ThreadsResult()
    {
    }

    /// <summary>
    /// The HTTP reply that produced this result; <see langword="null"/> when the result was not read from a
    /// reply (built by your code or a test, deserialized from a copy, or folded from events you appended yourself).
    /// For a streamed reply it is the stream's response (status and headers arrive before the first event).
    /// </summary>
    /// <returns>The reply's status, request id, rate limits and headers.</returns>
    public ThreadsRawResponse? GetRawResponse() => _headers is null ? null : new ThreadsRawResponse(_status, _headers, _endpoint!);

    internal void SetResponse(HttpResponseMessage response, ProviderEndpoint endpoint)
    {
        _headers = response.Headers;
        _status = response.StatusCode;
        _endpoint = endpoint;
    }

    internal void CopyResponseFrom(ThreadsResult? other)
    {
        if (other?._headers is not null)
        {
            (_headers, _status, _endpoint) = (other._headers, other._status, other._endpoint);
        }
    }
}
