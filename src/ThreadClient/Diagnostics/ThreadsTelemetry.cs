using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThreadClient.Diagnostics;

/// <summary>
/// The names under which ThreadClient reports traces and metrics. Subscribe with
/// <c>AddSource(ThreadsTelemetry.Name)</c> and <c>AddMeter(ThreadsTelemetry.Name)</c> in OpenTelemetry.
/// </summary>
/// <remarks>
/// <para>Generations (chat completions, Agent API responses, Aitronos model responses, streamed or not) follow
/// the OpenTelemetry GenAI semantic conventions: a client span named <c>{gen_ai.operation.name} {gen_ai.request.model}</c>
/// (for example <c>chat sonar-pro</c>) with <c>gen_ai.operation.name</c> (<c>chat</c>), <c>gen_ai.provider.name</c>
/// (<c>perplexity</c> or <c>aitronos</c>), <c>gen_ai.request.model</c>, <c>gen_ai.response.model</c>,
/// <c>gen_ai.response.id</c>, <c>gen_ai.response.finish_reasons</c>, <c>gen_ai.usage.input_tokens</c>,
/// <c>gen_ai.usage.output_tokens</c>, <c>server.address</c>, <c>server.port</c> and, on failure, <c>error.type</c>;
/// <c>gen_ai.conversation.id</c> only with <see cref="TelemetryOptions.RecordConversationIds"/> (thread ids open
/// conversation history). A stream's span lasts until its last event. Metrics: <c>gen_ai.client.operation.duration</c>
/// (histogram, s) and <c>gen_ai.client.token.usage</c> (histogram, {token}, <c>gen_ai.token.type</c> = <c>input</c> or
/// <c>output</c>), with the conventions' bucket boundaries.</para>
/// <para>Every HTTP call of the SDK also reports <c>threadclient.request.duration</c> (histogram, s, retries
/// included) and <c>threadclient.retries</c> (counter); calls that are not generations (threads, messages,
/// getting or cancelling a response) get a span named <c>{provider} {method}</c> with <c>gen_ai.provider.name</c>.
/// Tags never carry paths, keys, or (unless opted in) thread ids. Nothing is allocated when nobody listens.</para>
/// </remarks>
public static class ThreadsTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>ThreadClient</c>.</summary>
    public const string Name = "ThreadClient";

    private static readonly string? Version = typeof(ThreadsTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "threadclient.request.duration", unit: "s", description: "Duration of a ThreadClient HTTP call, retries included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "threadclient.retries", unit: "{retry}", description: "Retries made by the resilience handler.");

    internal static readonly Counter<long> SessionStoreFailures = Meter.CreateCounter<long>(
        "threadclient.session_store.failures", unit: "{failure}", description: "Session store reads and writes that failed (the turn went on).");

    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration",
        unit: "s",
        description: "GenAI operation duration.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });

    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage",
        unit: "{token}",
        description: "Number of input and output tokens used.",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });
}
