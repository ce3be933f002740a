using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>The ActivitySource and Meter named ThreadClient. Each test uses its own host so parallel tests never mix.</summary>
public sealed class TelemetryTests
{
    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    private static ActivityListener ListenTo(ConcurrentQueue<Activity> sink, string host)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ThreadsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), host))
                {
                    sink.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static MeterListener ListenTo(ConcurrentQueue<Measurement> sink, string host)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ThreadsTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if (Equals(copy.GetValueOrDefault("server.address"), host) || Equals(copy.GetValueOrDefault("gen_ai.request.model"), host))
            {
                sink.Enqueue(new Measurement(instrument.Name, value, copy));
            }
        }

        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task A_call_with_a_retry_reports_a_span_its_duration_the_retry_and_the_tokens()
    {
        const string host = "telemetry-a.test";
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = ListenTo(activities, host);
        var measurements = new ConcurrentQueue<Measurement>();
        using var meterListener = ListenTo(measurements, host);

        var clock = new TrackingTimeProvider();
        var options = new ThreadsClientOptions { TimeProvider = clock, Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = new Uri($"https://{host}/") } };
        var inner = new RecordingHandler(
            RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable),
            RecordingHandler.Json("""{"id":"resp_1","thread_id":"th_1","output":[{"content":[{"type":"output_text","text":"hi"}]}],"usage":{"input_tokens":12,"output_tokens":5}}"""));
        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadsResilienceHandler(options.Resilience, clock, () => 0) { InnerHandler = inner }));

        var call = client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = host, Thread = "th_1", Inputs = { AitronosInput.User("Q") } });
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(20));
        await call;

        var span = Assert.Single(activities);
        Assert.Equal("Aitronos POST", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(("Aitronos", "POST", 200), (span.GetTagItem("gen_ai.system"), span.GetTagItem("http.request.method"), span.GetTagItem("http.response.status_code")));
        Assert.DoesNotContain(span.Tags, t => t.Value?.Contains("th_1", StringComparison.Ordinal) == true);

        var byName = measurements.ToLookup(m => m.Instrument);
        var duration = Assert.Single(byName["threadclient.request.duration"]);
        Assert.Equal(200, duration.Tags["http.response.status_code"]);
        Assert.Equal(1, Assert.Single(byName["threadclient.retries"]).Value);
        Assert.Equal(
            [("input", 12.0), ("output", 5.0)],
            byName["gen_ai.client.token.usage"].Select(m => ((string)m.Tags["gen_ai.token.type"]!, m.Value)).OrderBy(x => x.Item1));
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_and_duration_with_the_error()
    {
        const string host = "telemetry-b.test";
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = ListenTo(activities, host);
        var measurements = new ConcurrentQueue<Measurement>();
        using var meterListener = ListenTo(measurements, host);
        using var client = RecordingHandler.CreateClient(
            new RecordingHandler(RecordingHandler.Json("""{"error":{"code":"THREAD_NOT_FOUND"}}""", HttpStatusCode.NotFound)),
            o => o.Aitronos.BaseAddress = new Uri($"https://{host}/"));

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.GetAsync("th_gone"));

        var span = Assert.Single(activities);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(("404", 404), (span.GetTagItem("error.type"), span.GetTagItem("http.response.status_code")));
        var duration = Assert.Single(measurements);
        Assert.Equal("404", duration.Tags["error.type"]);
    }
}
