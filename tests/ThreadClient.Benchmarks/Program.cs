using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ThreadClient.Benchmarks;

// dotnet run -c Release --project tests/ThreadClient.Benchmarks            full run (several minutes)
// dotnet run -c Release --project tests/ThreadClient.Benchmarks -- --quick  spot check, under two minutes
// dotnet run -c Release --project tests/ThreadClient.Benchmarks -- --medium --filter '*Agent*'  fewer, longer iterations than the full run
// dotnet run -c Release --project tests/ThreadClient.Benchmarks -- --conversation-costs  what whole conversations cost on the emulator (counts, not times)
// Any other arguments go to BenchmarkDotNet (for example --filter *Streaming*).
if (args.Contains(LoopbackServerProcess.Flag))
{
    await LoopbackServerProcess.ServeAsync();
    return;
}

if (args.Contains(ConversationCosts.Flag))
{
    await ConversationCosts.RunAsync();
    return;
}

var quick = args.Contains("--quick");
var medium = args.Contains("--medium");
var rest = args.Where(a => a is not "--quick" and not "--medium").ToArray();
var config = (IConfig)DefaultConfig.Instance;
config = quick ? config.AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance))
    : medium ? config.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance))
    : config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));

Console.WriteLine($"Idle PerplexitySession, no transcript: {SessionMemory.BytesPerIdleSession():0} bytes each (10,000 live sessions).");
var types = new[] { typeof(NonStreamingBenchmarks), typeof(StreamingBenchmarks), typeof(LongStreamBenchmarks), typeof(LoopbackBenchmarks), typeof(AgentCreateBenchmarks), typeof(AgentStreamBenchmarks), typeof(AitronosStreamBenchmarks) };
if (rest.Length == 0)
{
    BenchmarkRunner.Run(types, config);
}
else
{
    BenchmarkSwitcher.FromTypes(types).Run(rest, config);
}
