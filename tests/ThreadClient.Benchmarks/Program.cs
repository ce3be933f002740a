using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ThreadClient.Benchmarks;

// dotnet run -c Release --project tests/ThreadClient.Benchmarks            full run (several minutes)
// dotnet run -c Release --project tests/ThreadClient.Benchmarks -- --quick  spot check, under two minutes
// Any other arguments go to BenchmarkDotNet (for example --filter *Streaming*).
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = (IConfig)DefaultConfig.Instance;
config = quick
    ? config.AddJob(Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance))
    : config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));

Console.WriteLine($"Idle PerplexitySession, no transcript: {SessionMemory.BytesPerIdleSession():0} bytes each (10,000 live sessions).");
var types = new[] { typeof(NonStreamingBenchmarks), typeof(StreamingBenchmarks), typeof(LongStreamBenchmarks), typeof(LoopbackBenchmarks), typeof(AgentCreateBenchmarks), typeof(AgentStreamBenchmarks) };
if (rest.Length == 0)
{
    BenchmarkRunner.Run(types, config);
}
else
{
    BenchmarkSwitcher.FromTypes(types).Run(rest, config);
}
