using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;
using ThreadClient.DependencyInjection;
using ThreadClient.Http;

namespace ThreadClient.Benchmarks.Contenders;

/// <summary>Builds each contender over the same HTTP handler.</summary>
public static class Contenders
{
    public const string ThreadId = "3947452d-7cc0-48b3-afe7-d053c1083b78";

    /// <summary>The official OpenAI .NET SDK pointed at the same endpoint (it speaks the chat completions shape).</summary>
    public static ChatClient OpenAi(HttpMessageHandler handler, Uri endpoint) =>
        new("sonar-pro", new ApiKeyCredential("key"), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }),
        });

    /// <summary>The OpenAI SDK's Responses client pointed at Perplexity's Agent API (OpenAI-Responses-shaped), as a .NET user would for an OpenAI-compatible endpoint.</summary>
    public static ResponsesClient OpenAiResponses(HttpMessageHandler handler) =>
        new(new ApiKeyCredential("key"), new ResponsesClientOptions
        {
            Endpoint = new Uri("https://api.perplexity.ai/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }),
        });

    /// <summary>
    /// ThreadClient with its full default pipeline: the resilience handler, and logging and tracing
    /// switched on (a logger factory, the ActivitySource and Meter) with no one listening.
    /// </summary>
    public static ThreadsClient ThreadClient(HttpMessageHandler handler, Uri baseAddress)
    {
        var options = new ThreadsClientOptions
        {
            LoggerFactory = LoggerFactory.Create(_ => { }),
            Perplexity = { ApiKey = "key", BaseAddress = baseAddress },
            Aitronos = { ApiKey = "key", BaseAddress = baseAddress },
        };
        return new ThreadsClient(options, handler);
    }

    /// <summary>The client as an app gets it: <c>AddThreadsClient</c>, its factory clients over the same in-memory handler.</summary>
    public static IThreadsClient InjectedThreadClient(HttpMessageHandler handler, Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddThreadsClient(o =>
        {
            o.Perplexity.ApiKey = "key";
            o.Perplexity.BaseAddress = baseAddress;
            o.Aitronos.ApiKey = "key";
            o.Aitronos.BaseAddress = baseAddress;
        }).Perplexity.ConfigurePrimaryHttpMessageHandler(() => new Shared(handler));
        return services.BuildServiceProvider().GetRequiredService<IThreadsClient>();
    }

    /// <summary>Lets the factory dispose its handler chain at a rotation without disposing the shared in-memory handler.</summary>
    private sealed class Shared(HttpMessageHandler inner) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(inner, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _inner.SendAsync(request, cancellationToken);
    }
}
