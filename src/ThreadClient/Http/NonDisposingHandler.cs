namespace ThreadClient.Http;

/// <summary>Puts a handler the caller keeps under the SDK's pipeline: disposing the pipeline leaves it alone.</summary>
internal sealed class NonDisposingHandler(HttpMessageHandler inner) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _inner = new(inner, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.SendAsync(request, cancellationToken);
}
