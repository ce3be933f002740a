using System.Net;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary><c>new ThreadsClient(options, handler)</c>: the SDK's own pipeline over a handler the caller chooses.</summary>
public sealed class PrimaryHandlerConstructorTests
{
    private static ThreadsClientOptions Options() => new()
    {
        Perplexity = { ApiKey = TestKeys.Perplexity },
        Resilience = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
    };

    [Fact]
    public async Task The_sdks_retries_apply_over_the_callers_handler()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable), RecordingHandler.Json(AgentWireTests.MinimalReply));
        using var client = new ThreadsClient(Options(), handler);

        var reply = await client.Perplexity.Agent.GetResponseAsync("resp_1");

        Assert.Equal("Hi.", reply.OutputText);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_callers_handler_outlives_the_client_unless_it_is_handed_over(bool pipeline)
    {
        var options = Options();
        options.Resilience.Enabled = pipeline;
        var kept = new TrackedHandler();
        new ThreadsClient(options, kept).Dispose();
        using (var again = new ThreadsClient(options, kept))
        {
            Assert.Equal("Hi.", (await again.Perplexity.Agent.GetResponseAsync("resp_1")).OutputText);
        }

        var handedOver = new TrackedHandler();
        new ThreadsClient(options, handedOver, disposeHandler: true).Dispose();

        Assert.False(kept.Disposed);
        Assert.True(handedOver.Disposed);
    }

    private sealed class TrackedHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(RecordingHandler.Json(AgentWireTests.MinimalReply));

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
