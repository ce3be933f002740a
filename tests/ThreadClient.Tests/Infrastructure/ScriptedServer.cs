using WireMock.Server;
using WireMock.Settings;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>A WireMock.Net server on 127.0.0.1 (a free port) for one test class, and a client of both providers pointed at it.</summary>
public abstract class ScriptedServer : IDisposable
{
    protected WireMockServer Server { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public void Dispose()
    {
        Server.Stop();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client of both providers at the server, with the SDK's own pipeline (fast retries unless told otherwise).</summary>
    protected ThreadsClient Client(int maxRetries = 2) => new(new ThreadsClientOptions
    {
        Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = new Uri(Server.Url! + "/") },
        Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = new Uri(Server.Url! + "/") },
        Resilience = { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    });
}
