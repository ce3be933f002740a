using System.Diagnostics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ThreadClient.Aitronos;
using ThreadClient.Diagnostics;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>
/// Spans and metrics as an application sees them through the OpenTelemetry SDK (<c>AddSource</c> /
/// <c>AddMeter</c> with the in-memory exporter), in the GenAI semantic conventions. Each test talks to its
/// own host, and reads only what carries that <c>server.address</c>, so parallel tests never mix.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly double[] DurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
    private static readonly double[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    /// <summary>The OpenTelemetry SDK subscribed to ThreadClient as README shows, exporting in memory.</summary>
    private sealed class Telemetry : IDisposable
    {
        private readonly string _host;
        private readonly List<Activity> _spans = [];
        private readonly List<Metric> _metrics = [];
        private readonly TracerProvider _tracing;
        private readonly MeterProvider _metering;

        public Telemetry(string host)
        {
            _host = host;
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(ThreadsTelemetry.Name).AddProcessor(new HostSpans(host, _spans)).Build()!;
            _metering = Sdk.CreateMeterProviderBuilder().AddMeter(ThreadsTelemetry.Name).AddInMemoryExporter(_metrics).Build()!;
        }

        public IReadOnlyList<Activity> Spans
        {
            get
            {
                _tracing.ForceFlush();
                lock (_spans)
                {
                    return [.. _spans];
                }
            }
        }

        /// <summary>The points of one instrument that carry this test's host: their tags, sum, count and bucket bounds.</summary>
        public List<(Dictionary<string, object?> Tags, double Sum, long Count, double[] Bounds)> Points(string instrument)
        {
            // Cumulative: each flush exports everything so far, so only the latest export is read.
            lock (_metrics)
            {
                _metrics.Clear();
            }

            _metering.ForceFlush();
            var points = new List<(Dictionary<string, object?> Tags, double Sum, long Count, double[] Bounds)>();
            lock (_metrics)
            {
                foreach (var metric in _metrics.Where(m => m.Name == instrument))
                {
                    foreach (ref readonly var point in metric.GetMetricPoints())
                    {
                        var tags = new Dictionary<string, object?>();
                        foreach (var tag in point.Tags)
                        {
                            tags[tag.Key] = tag.Value;
                        }

                        if (!Equals(tags.GetValueOrDefault("server.address"), _host))
                        {
                            continue;
                        }

                        var isCounter = metric.MetricType == MetricType.LongSum;
                        var bounds = new List<double>();
                        if (!isCounter)
                        {
                            foreach (var bucket in point.GetHistogramBuckets())
                            {
                                if (!double.IsPositiveInfinity(bucket.ExplicitBound))
                                {
                                    bounds.Add(bucket.ExplicitBound);
                                }
                            }
                        }

                        points.Add((tags, isCounter ? point.GetSumLong() : point.GetHistogramSum(), isCounter ? 1 : point.GetHistogramCount(), [.. bounds]));
                    }
                }
            }

            return points;
        }

        public void Dispose()
        {
            _tracing.Dispose();
            _metering.Dispose();
        }

        /// <summary>
        /// Keeps the ended spans of this test's host, under the list's lock: tests on other hosts end
        /// spans at the same time (an exporter's list, read while another span is added, fails).
        /// </summary>
        private sealed class HostSpans(string host, List<Activity> spans) : BaseProcessor<Activity>
        {
            public override void OnEnd(Activity data)
            {
                if (Equals(data.GetTagItem("server.address"), host))
                {
                    lock (spans)
                    {
                        spans.Add(data);
                    }
                }
            }
        }
    }

    [Fact]
    public async Task A_chat_completion_is_one_gen_ai_span_with_the_conventions_attributes_and_both_histograms()
    {
        const string host = "telemetry-chat.test";
        using var telemetry = new Telemetry(host);
        var handler = new RecordingHandler(RecordingHandler.Json(
            """{"id":"cmpl-9","model":"sonar-pro-2026","thread_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}"""));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.BaseAddress = new Uri($"https://{host}/"));

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { ChatMessage.User("Capital of France?") } });

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal(("chat sonar-pro", ActivityKind.Client, ActivityStatusCode.Unset), (span.DisplayName, span.Kind, span.Status));
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["gen_ai.operation.name"] = "chat",
                ["gen_ai.provider.name"] = "perplexity",
                ["gen_ai.request.model"] = "sonar-pro",
                ["server.address"] = host,
                ["server.port"] = 443,
                ["gen_ai.response.model"] = "sonar-pro-2026",
                ["gen_ai.response.id"] = "cmpl-9",
                ["gen_ai.usage.input_tokens"] = 12L,
                ["gen_ai.usage.output_tokens"] = 5L,
                ["gen_ai.response.finish_reasons"] = new[] { "stop" },
            },
            span.TagObjects.ToDictionary(t => t.Key, t => t.Value));

        var duration = Assert.Single(telemetry.Points("gen_ai.client.operation.duration"));
        Assert.Equal(("chat", "perplexity", "sonar-pro", "sonar-pro-2026", 1L), ((string)duration.Tags["gen_ai.operation.name"]!, (string)duration.Tags["gen_ai.provider.name"]!, (string)duration.Tags["gen_ai.request.model"]!, (string)duration.Tags["gen_ai.response.model"]!, duration.Count));
        Assert.Equal(DurationBuckets, duration.Bounds);
        var tokens = telemetry.Points("gen_ai.client.token.usage");
        Assert.Equal([("input", 12.0), ("output", 5.0)], tokens.Select(t => ((string)t.Tags["gen_ai.token.type"]!, t.Sum)).OrderBy(t => t.Item1));
        Assert.All(tokens, t => Assert.Equal(TokenBuckets, t.Bounds));
    }

    [Fact]
    public async Task The_conversation_id_is_recorded_only_when_the_client_opts_in()
    {
        const string host = "telemetry-conversation.test";
        using var telemetry = new Telemetry(host);
        var reply = """{"id":"resp_1","thread_id":"th_secret","status":"completed","output":[{"content":[{"type":"output_text","text":"hi"}]}]}""";
        using var quiet = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(reply)), o => o.Aitronos.BaseAddress = new Uri($"https://{host}/"));
        using var opted = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(reply)), o =>
        {
            o.Aitronos.BaseAddress = new Uri($"https://{host}/");
            o.Telemetry.RecordConversationIds = true;
        });

        await quiet.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Thread = "th_secret", Inputs = { AitronosInput.User("Q") } });
        await opted.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Thread = "th_secret", Inputs = { AitronosInput.User("Q") } });

        var spans = telemetry.Spans;
        Assert.Equal(2, spans.Count);
        Assert.DoesNotContain(spans[0].TagObjects, t => t.Value is string text && text.Contains("th_secret", StringComparison.Ordinal));
        Assert.Equal("th_secret", spans[1].GetTagItem("gen_ai.conversation.id"));
        Assert.Equal(("aitronos", "completed"), (spans[1].GetTagItem("gen_ai.provider.name"), ((string[])spans[1].GetTagItem("gen_ai.response.finish_reasons")!)[0]));
    }

    [Fact]
    public async Task A_stream_is_one_span_until_its_last_event_with_what_the_events_said()
    {
        const string host = "telemetry-stream.test";
        using var telemetry = new Telemetry(host);
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(PerplexityStreams.FullMode(["Par", "is."])));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.BaseAddress = new Uri($"https://{host}/"));

        var chunks = 0;
        await foreach (var _ in client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }))
        {
            chunks++;
            Assert.Empty(telemetry.Spans);
        }

        var folded = await client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }).ToChatCompletionAsync();

        Assert.Equal(2, chunks);
        Assert.Equal("Paris.", folded.Content);
        var spans = telemetry.Spans;
        Assert.Equal(2, spans.Count);
        Assert.All(spans, span =>
        {
            Assert.Equal("chat sonar-pro", span.DisplayName);
            Assert.Equal(("s1", 3L, 2L), (span.GetTagItem("gen_ai.response.id"), span.GetTagItem("gen_ai.usage.input_tokens"), span.GetTagItem("gen_ai.usage.output_tokens")));
            Assert.Equal(["stop"], (string[])span.GetTagItem("gen_ai.response.finish_reasons")!);
        });
        Assert.Equal(2, telemetry.Points("gen_ai.client.operation.duration").Single().Count);
    }

    [Fact]
    public async Task An_agent_api_stream_folded_by_the_builder_reports_the_completed_response()
    {
        const string host = "telemetry-agent.test";
        using var telemetry = new Telemetry(host);
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(AgentStreams.Sse(AgentStreams.Documented("Hel", "lo"))));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.BaseAddress = new Uri($"https://{host}/"));

        var response = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Model = "perplexity/sonar", Input = "Q" }).ToResponseAsync();

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal("Hello", response.OutputText);
        Assert.Equal(("chat perplexity/sonar", "resp_s", "perplexity/sonar", 5L, 7L), (span.DisplayName, span.GetTagItem("gen_ai.response.id"), span.GetTagItem("gen_ai.response.model"), span.GetTagItem("gen_ai.usage.input_tokens"), span.GetTagItem("gen_ai.usage.output_tokens")));
    }

    [Fact]
    public async Task An_agent_api_span_carries_the_prompt_cache_token_counts_of_the_live_reply()
    {
        const string host = "telemetry-agent-cache.test";
        using var telemetry = new Telemetry(host);
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(ThreadClient.Tests.Perplexity.Agent.AgentLiveReplies.Completed));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.BaseAddress = new Uri($"https://{host}/"));

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Model = "perplexity/sonar", Input = "Q" });

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal((9344L, 3516L, 5750L), (span.GetTagItem("gen_ai.usage.input_tokens"), span.GetTagItem("gen_ai.usage.cache_read.input_tokens"), span.GetTagItem("gen_ai.usage.cache_creation.input_tokens")));
    }

    [Fact]
    public async Task An_aitronos_stream_enumerated_or_folded_is_one_span_with_the_completed_response()
    {
        const string host = "telemetry-aitronos.test";
        using var telemetry = new Telemetry(host);
        const string body =
            "event: response.created\ndata: {\"response_id\":\"r1\",\"thread_id\":\"th_1\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"Hel\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"lo\"}\n\n"
            + "event: response.completed\ndata: {\"response\":{\"id\":\"r1\",\"model\":\"gpt-4.1-mini\",\"status\":\"completed\",\"thread_id\":\"th_1\",\"usage\":{\"input_tokens\":5,\"output_tokens\":7}}}\n\n";
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler, o => o.Aitronos.BaseAddress = new Uri($"https://{host}/"));
        var request = new AitronosResponseRequest { Model = "gpt-4.1", Thread = "th_1", Inputs = { AitronosInput.User("Q") } };

        await foreach (var _ in client.Aitronos.StreamResponseAsync(request))
        {
        }

        var folded = await client.Aitronos.StreamResponseAsync(request).ToResponseAsync();

        Assert.Equal("Hello", folded.OutputText);
        Assert.Equal(2, telemetry.Spans.Count);
        Assert.All(telemetry.Spans, span =>
            Assert.Equal(
                ("chat gpt-4.1", "r1", "gpt-4.1-mini", 5L, 7L, "completed"),
                (span.DisplayName, span.GetTagItem("gen_ai.response.id"), span.GetTagItem("gen_ai.response.model"), span.GetTagItem("gen_ai.usage.input_tokens"), span.GetTagItem("gen_ai.usage.output_tokens"), ((string[])span.GetTagItem("gen_ai.response.finish_reasons")!).Single())));
    }

    [Fact]
    public async Task A_generation_span_is_a_child_of_the_callers_activity_and_never_stays_current_after_it()
    {
        const string host = "telemetry-parent.test";
        using var telemetry = new Telemetry(host);
        var handler = new RecordingHandler((_, i) => i == 0
            ? RecordingHandler.Json("""{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}]}""")
            : RecordingHandler.EventStream(PerplexityStreams.FullMode(["a", "b"])));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.BaseAddress = new Uri($"https://{host}/"));
        using var parent = new Activity("the caller's work") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });
        var afterCall = Activity.Current;
        await foreach (var _ in client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }))
        {
            Assert.Same(parent, Activity.Current);
        }

        Assert.Same(parent, afterCall);
        Assert.Same(parent, Activity.Current);
        Assert.Equal(2, telemetry.Spans.Count);
        Assert.All(telemetry.Spans, span => Assert.Equal(parent.SpanId, span.ParentSpanId));
    }

    [Fact]
    public async Task A_failed_generation_marks_its_span_and_duration_with_the_error_type()
    {
        const string host = "telemetry-failed.test";
        using var telemetry = new Telemetry(host);
        using var client = RecordingHandler.CreateClient(
            new RecordingHandler(RecordingHandler.Json("""{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"gone"}}""", HttpStatusCode.NotFound)),
            o => o.Aitronos.BaseAddress = new Uri($"https://{host}/"));

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Thread = "th_gone", Inputs = { AitronosInput.User("Q") } }));

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal((ActivityStatusCode.Error, "404"), (span.Status, span.GetTagItem("error.type")));
        var duration = Assert.Single(telemetry.Points("gen_ai.client.operation.duration"));
        Assert.Equal("404", duration.Tags["error.type"]);
        Assert.Empty(telemetry.Points("gen_ai.client.token.usage"));
    }

    [Fact]
    public async Task A_thread_call_with_a_retry_is_an_http_span_with_its_duration_and_retry_count()
    {
        const string host = "telemetry-crud.test";
        using var telemetry = new Telemetry(host);
        var clock = new TrackingTimeProvider();
        var options = new ThreadsClientOptions { TimeProvider = clock, Aitronos = { ApiKey = TestKeys.Aitronos, BaseAddress = new Uri($"https://{host}/") } };
        var inner = new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable), RecordingHandler.Json("""{"id":"th_1","state":"open"}"""));
        using var client = new ThreadsClient(OwnPipeline.Of(options), new HttpClient(new ThreadsResilienceHandler(options.Resilience, clock, () => 0) { InnerHandler = inner }));

        var call = client.Aitronos.Threads.GetAsync("th_1");
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(20));
        await call;

        var span = Assert.Single(telemetry.Spans);
        Assert.Equal(("Aitronos GET", "aitronos", 200), (span.DisplayName, span.GetTagItem("gen_ai.provider.name"), span.GetTagItem("http.response.status_code")));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string text && text.Contains("th_1", StringComparison.Ordinal));
        Assert.Equal(200, Assert.Single(telemetry.Points("threadclient.request.duration")).Tags["http.response.status_code"]);
        Assert.Equal(1, Assert.Single(telemetry.Points("threadclient.retries")).Sum);
        Assert.Empty(telemetry.Points("gen_ai.client.operation.duration"));
    }
}
