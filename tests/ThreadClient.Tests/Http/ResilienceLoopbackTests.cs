using System.Net;
using System.Net.Sockets;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>The client built from options alone carries the resilience handler, over real loopback HTTP (its scripted fault sequences are in <see cref="ScriptedServerTests"/>).</summary>
public sealed class ResilienceLoopbackTests
{
    private static ThreadsClientOptions Options(Uri baseAddress) => new()
    {
        Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = baseAddress },
        Resilience = { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
    };

    [Fact]
    public async Task Refused_connection_is_retried_then_surfaces()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = Options(new Uri($"http://127.0.0.1:{port}/"));
        var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadClient.Http.ThreadsResilienceHandler(options.Resilience) { InnerHandler = counting }));

        var wrapped = await Assert.ThrowsAsync<ThreadsConnectionException>(() => client.Aitronos.Threads.GetAsync("th_1"));
        Assert.False(wrapped.MayHaveBeenProcessed);
        var ex = Assert.IsType<HttpRequestException>(wrapped.InnerException);

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(3, counting.Attempts);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
