using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity;

namespace ThreadClient.Benchmarks;

/// <summary>The same calls over real HTTP to Kestrel on 127.0.0.1, in a server process of its own: one at a time, and 64 at once.</summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private const int Concurrency = 64;
    private System.Diagnostics.Process _server = null!;
    private RawClient _raw = null!;
    private ChatClient _openAi = null!;
    private ThreadsClient _threads = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_server, var baseAddress) = LoopbackServerProcess.Start();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency };
        _raw = new RawClient(new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, baseAddress);
        _openAi = Contenders.Contenders.OpenAi(handler, baseAddress);
        _threads = Contenders.Contenders.ThreadClient(handler, baseAddress);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _server.StandardInput.Close();
        await _server.WaitForExitAsync();
        _server.Dispose();
    }

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
