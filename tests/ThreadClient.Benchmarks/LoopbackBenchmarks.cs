using BenchmarkDotNet.Attributes;
using ThreadClient.Testing;
using OpenAI.Chat;
using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity;

namespace ThreadClient.Benchmarks;

/// <summary>The same calls over real HTTP to Kestrel on 127.0.0.1: one at a time, and 64 at once.</summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private const int Concurrency = 64;
    private LoopbackServer _server = null!;
    private RawClient _raw = null!;
    private ChatClient _openAi = null!;
    private ThreadsClient _threads = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LoopbackServer.StartAsync(async context =>
        {
            using (var reader = new StreamReader(context.Request.Body))
            {
                await reader.ReadToEndAsync();
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Payloads.SeedReplyBytes);
        });
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency };
        _raw = new RawClient(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, _server.BaseAddress);
        _openAi = Contenders.Contenders.OpenAi(handler, _server.BaseAddress);
        _threads = Contenders.Contenders.ThreadClient(handler, _server.BaseAddress);
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _server.DisposeAsync();

    [Benchmark(Baseline = true, Description = "raw, one call")]
    public Task<RawCompletion> Raw() => _raw.CompleteAsync("Q", Contenders.Contenders.ThreadId);

    [Benchmark(Description = "OpenAI SDK, one call")]
    public Task OpenAi() => _openAi.CompleteChatAsync([new UserChatMessage("Q")]);

    [Benchmark(Description = "ThreadClient, one call")]
    public Task<Perplexity.ChatCompletion> ThreadClientCall() => Call();

    [Benchmark(OperationsPerInvoke = Concurrency, Description = "raw, 64 concurrent")]
    public Task RawConcurrent() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _raw.CompleteAsync("Q", Contenders.Contenders.ThreadId)));

    [Benchmark(OperationsPerInvoke = Concurrency, Description = "ThreadClient, 64 concurrent")]
    public Task ThreadClientConcurrent() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Call()));

    private Task<Perplexity.ChatCompletion> Call() => _threads.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
    {
        UseThreads = true,
        ThreadId = Contenders.Contenders.ThreadId,
        Messages = { Perplexity.ChatMessage.User("Q") },
    });
}
