using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using ThreadClient.Aitronos;
using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity;

namespace ThreadClient.Benchmarks;

/// <summary>One non-streaming call on an in-memory transport: the client's own CPU and memory.</summary>
[MemoryDiagnoser]
public class NonStreamingBenchmarks
{
    private static readonly Uri Base = new("https://api.perplexity.ai/");
    private RawClient _raw = null!;
    private ChatClient _openAi = null!;
    private ThreadsClient _threads = null!;
    private PerplexitySession _session = null!;
    private ThreadsClient _aitronos = null!;
    private IThreadsClient _injected = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(Payloads.SeedReplyBytes, "application/json");
        _raw = new RawClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _openAi = Contenders.Contenders.OpenAi(handler, Base);
        _threads = Contenders.Contenders.ThreadClient(handler, Base);
        _session = _threads.Perplexity.ResumeSession(Contenders.Contenders.ThreadId);
        _aitronos = Contenders.Contenders.ThreadClient(new InMemoryHandler(Payloads.AitronosReplyBytes, "application/json"), Base);
        _injected = Contenders.Contenders.InjectedThreadClient(handler, Base);
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ source-gen")]
    public async Task<string?> Raw() => (await _raw.CompleteAsync("What else has that director made?", Contenders.Contenders.ThreadId)).ThreadId;

    [Benchmark(Description = "OpenAI SDK 2.15.0 ChatClient")]
    public async Task<string?> OpenAi() => (await _openAi.CompleteChatAsync([new UserChatMessage("What else has that director made?")])).Value.Id;

    [Benchmark(Description = "ThreadClient CreateChatCompletionAsync")]
    public async Task<string?> ThreadClientCreate() => (await _threads.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
    {
        UseThreads = true,
        ThreadId = Contenders.Contenders.ThreadId,
        Messages = { Perplexity.ChatMessage.User("What else has that director made?") },
    })).ThreadId;

    [Benchmark(Description = "ThreadClient via AddThreadsClient (DI)")]
    public async Task<string?> ThreadClientInjected() => (await _injected.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
    {
        UseThreads = true,
        ThreadId = Contenders.Contenders.ThreadId,
        Messages = { Perplexity.ChatMessage.User("What else has that director made?") },
    })).ThreadId;

    [Benchmark(Description = "ThreadClient ThreadSession.SendAsync")]
    public async Task<string?> ThreadClientSession() => (await _session.SendAsync("What else has that director made?")).ConversationId;

    [Benchmark(Description = "ThreadClient Aitronos CreateResponseAsync")]
    public async Task<string?> ThreadClientAitronos() => (await _aitronos.Aitronos.CreateResponseAsync(new AitronosResponseRequest
    {
        Model = "gpt-4.1",
        Thread = "thread_user123_session1",
        Inputs = { AitronosInput.User("What else has that director made?") },
    })).ThreadId;
}
