using System.Net.Http.Headers;

namespace ThreadClient.Benchmarks;

/// <summary>Answers every request with the same bytes, without a network: what remains is the client's own cost.</summary>
public sealed class InMemoryHandler(byte[] body, string mediaType) : HttpMessageHandler
{
    private readonly MediaTypeHeaderValue _type = new(mediaType);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body) { Headers = { ContentType = _type } },
        });
}
