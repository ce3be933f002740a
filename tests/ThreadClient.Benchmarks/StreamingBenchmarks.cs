using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity;

namespace ThreadClient.Benchmarks;

/// <summary>One streamed reply (full mode: every chunk repeats the message so far) read to the end, in memory.</summary>
[MemoryDiagnoser]
public class StreamingBenchmarks
{
    private static readonly Uri Base = new("https://api.perplexity.ai/");
    private RawClient _raw = null!;
    private ChatClient _openAi = null!;
    private ThreadsClient _threads = null!;

    [Params(50)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(Payloads.Stream(Chunks), "text/event-stream");
        _raw = new RawClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _openAi = Contenders.Contenders.OpenAi(handler, Base);
        _threads = Contenders.Contenders.ThreadClient(handler, Base);
    }

    [Benchmark(Baseline = true, Description = "raw SseParser + JsonSerializer per chunk")]
    public Task<string> RawSerializer() => _raw.StreamWithSerializerAsync("Q");

    [Benchmark(Description = "raw SseParser + Utf8JsonReader (floor)")]
    public Task<string> RawReader() => _raw.StreamWithReaderAsync("Q");

    [Benchmark(Description = "OpenAI SDK 2.15.0 streaming")]
    public async Task<int> OpenAi()
    {
        var length = 0;
        await foreach (var update in _openAi.CompleteChatStreamingAsync([new UserChatMessage("Q")]))
        {
            foreach (var part in update.ContentUpdate)
            {
                length += part.Text.Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "ThreadClient stream folded")]
    public async Task<string?> ThreadClientFold() =>
        (await _threads.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { Perplexity.ChatMessage.User("Q") } }).ToChatCompletionAsync()).Content;
}

/// <summary>Memory per chunk must stay flat as a full-mode stream grows (no quadratic copy of the message so far).</summary>
[MemoryDiagnoser]
public class LongStreamBenchmarks
{
    private ThreadsClient _threads = null!;

    [Params(50, 500, 2000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup() => _threads = Contenders.Contenders.ThreadClient(new InMemoryHandler(Payloads.Stream(Chunks), "text/event-stream"), new Uri("https://api.perplexity.ai/"));

    [Benchmark(Description = "ThreadClient stream folded")]
    public async Task<string?> ThreadClientFold() =>
        (await _threads.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { Perplexity.ChatMessage.User("Q") } }).ToChatCompletionAsync()).Content;
}
