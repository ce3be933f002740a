using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ThreadClient.Diagnostics;

/// <summary>
/// The names under which ThreadClient reports traces and metrics. Subscribe with
/// <c>AddSource(ThreadsTelemetry.Name)</c> and <c>AddMeter(ThreadsTelemetry.Name)</c> in OpenTelemetry.
/// </summary>
/// <remarks>
/// Instruments: <c>threadclient.request.duration</c> (histogram, seconds, one per logical call, retries
/// included), <c>threadclient.retries</c> (counter, one per retry) and <c>gen_ai.client.token.usage</c>
/// (histogram, tokens, tagged <c>gen_ai.token.type</c> = <c>input</c> or <c>output</c>, when a reply
/// reports usage). Duration and retries are tagged <c>server.address</c>; duration also
/// <c>gen_ai.system</c>, <c>http.response.status_code</c> and <c>error.type</c>. Each call's span is named
/// <c>{provider} {method}</c>. Tags never carry thread ids, response ids, paths or keys. Nothing is allocated when nobody listens.
/// </remarks>
public static class ThreadsTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>ThreadClient</c>.</summary>
    public const string Name = "ThreadClient";

    private static readonly string? Version = typeof(ThreadsTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "threadclient.request.duration", unit: "s", description: "Duration of a ThreadClient call, retries included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "threadclient.retries", unit: "{retry}", description: "Retries made by the resilience handler.");

    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", unit: "{token}", description: "Tokens used, as reported by the reply.");

    /// <summary>Records the usage a reply reported, if anyone listens.</summary>
    internal static void RecordTokens(string provider, string? model, long? input, long? output)
    {
        if (!TokenUsage.Enabled)
        {
            return;
        }

        var system = new KeyValuePair<string, object?>("gen_ai.system", provider);
        var requestModel = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        if (input is { } i)
        {
            TokenUsage.Record(i, system, requestModel, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        }

        if (output is { } o)
        {
            TokenUsage.Record(o, system, requestModel, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
        }
    }
}
