namespace ThreadClient.Http;

/// <summary>
/// The innermost handler when the caller brings an <see cref="HttpClient"/>: each attempt of the SDK's
/// pipeline goes through the caller's client (its handlers, proxy, timeout). An <see cref="HttpClient"/>
/// sends a request message once, so every attempt sends a copy that shares the original's content
/// (the SDK's bodies are buffered bytes, sendable again). The caller's client is never disposed here (a handler does not own the client it forwards to).
/// </summary>
internal sealed class HttpClientForwarder(HttpClient client) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The copy keeps the request's profile, so that handlers below (the SDK's own, if the caller put one there) retry it the same way.
        var copy = request is ProfiledRequest profiled ? new ProfiledRequest(request.Method, request.RequestUri!, profiled.Profile) : new HttpRequestMessage(request.Method, request.RequestUri);
        copy.Content = request.Content;
        copy.Version = request.Version;
        copy.VersionPolicy = request.VersionPolicy;
        foreach (var header in request.Headers.NonValidated)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return client.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
