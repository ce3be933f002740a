using BenchmarkDotNet.Attributes;
using OpenAI.Responses;
using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity.Agent;

namespace ThreadClient.Benchmarks;

/// <summary>One Agent API response on an in-memory transport: ThreadClient, a hand-written client, and the OpenAI SDK's ResponsesClient.</summary>
[MemoryDiagnoser]
public class AgentCreateBenchmarks
{
    private RawAgentClient _raw = null!;
    private ResponsesClient _openAi = null!;
    private ThreadsClient _threads = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(AgentPayloads.ResponseBytes, "application/json");
        _raw = new RawAgentClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _openAi = Contenders.Contenders.OpenAiResponses(handler);
        _threads = Contenders.Contenders.ThreadClient(handler, new Uri("https://api.perplexity.ai/"));
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ source-gen")]
    public Task<string> Raw() => _raw.CreateAsync("Which film won in 1996?");

    [Benchmark(Description = "OpenAI SDK 2.15.0 ResponsesClient")]
    public async Task<string> OpenAi() => (await _openAi.CreateResponseAsync("perplexity/sonar", "Which film won in 1996?")).Value.GetOutputText();

    [Benchmark(Description = "ThreadClient Agent CreateResponseAsync")]
    public async Task<string> ThreadClientCreate() =>
        (await _threads.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Which film won in 1996?", Model = "perplexity/sonar" })).OutputText;
}

/// <summary>One streamed Agent API response read to its end, in memory.</summary>
[MemoryDiagnoser]
public class AgentStreamBenchmarks
{
    private RawAgentClient _raw = null!;
    private ResponsesClient _openAi = null!;
    private ThreadsClient _threads = null!;

    [Params(50, 2000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(AgentPayloads.Stream(Events), "text/event-stream");
        _raw = new RawAgentClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _openAi = Contenders.Contenders.OpenAiResponses(handler);
        _threads = Contenders.Contenders.ThreadClient(handler, new Uri("https://api.perplexity.ai/"));
    }

    [Benchmark(Baseline = true, Description = "raw SseParser + JsonSerializer per event")]
    public Task<string> RawSerializer() => _raw.StreamWithSerializerAsync("Q");

    [Benchmark(Description = "raw SseParser + Utf8JsonReader (floor)")]
    public Task<string> RawReader() => _raw.StreamWithReaderAsync("Q");

    [Benchmark(Description = "OpenAI SDK 2.15.0 ResponsesClient streaming")]
    public async Task<int> OpenAi()
    {
        var length = 0;
        await foreach (var update in await _openAi.CreateResponseStreamingAsync("perplexity/sonar", "Q"))
        {
            if (update is StreamingResponseOutputTextDeltaUpdate delta)
            {
                length += delta.Delta.Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "ThreadClient Agent stream folded")]
    public async Task<string> ThreadClientFold() =>
        (await _threads.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q", Model = "perplexity/sonar" }).ToResponseAsync()).OutputText;
}
