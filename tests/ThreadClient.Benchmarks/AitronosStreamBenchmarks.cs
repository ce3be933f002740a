using BenchmarkDotNet.Attributes;
using ThreadClient.Aitronos;
using ThreadClient.Benchmarks.Contenders;

namespace ThreadClient.Benchmarks;

/// <summary>One streamed Aitronos model response of 50 and 2,000 deltas read to the end, in memory.</summary>
[MemoryDiagnoser]
public class AitronosStreamBenchmarks
{
    private RawAitronosClient _raw = null!;
    private ThreadsClient _threads = null!;

    [Params(50, 2000)]
    public int Deltas { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(Payloads.AitronosStream(Deltas), "text/event-stream");
        _raw = new RawAitronosClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        _threads = Contenders.Contenders.ThreadClient(handler, new Uri("https://api.aitronos.com/"));
    }

    [Benchmark(Baseline = true, Description = "raw SseParser + JsonSerializer per event")]
    public Task<string> RawSerializer() => _raw.StreamWithSerializerAsync("Q");

    [Benchmark(Description = "raw SseParser + Utf8JsonReader (floor)")]
    public Task<string> RawReader() => _raw.StreamWithReaderAsync("Q");

    [Benchmark(Description = "ThreadClient Aitronos stream folded")]
    public async Task<string?> ThreadClientFold() => (await _threads.Aitronos.StreamResponseAsync(Request()).ToResponseAsync()).OutputText;

    [Benchmark(Description = "ThreadClient Aitronos events enumerated, folded by the caller")]
    public async Task<string?> ThreadClientEnumerated()
    {
        var builder = new AitronosResponseBuilder();
        await foreach (var item in _threads.Aitronos.StreamResponseAsync(Request()))
        {
            builder.Append(item);
        }

        return builder.Build().OutputText;
    }

    private static AitronosResponseRequest Request() => new()
    {
        Model = "gpt-4.1",
        Thread = "thread_user123_session1",
        Inputs = { AitronosInput.User("Q") },
    };
}
