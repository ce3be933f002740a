using System.Net;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Perplexity.Agent.AgentStreams;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>Agent API streams: typed events, the fold, and every way a stream can fail after HTTP 200.</summary>
public sealed class AgentStreamingTests
{
    private static ThreadsClient Client(string body, out RecordingHandler handler, TrackingContent.Tracker? tracker = null)
    {
        handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body, tracker));
        return RecordingHandler.CreateClient(handler);
    }

    [Fact]
    public async Task The_documented_sequence_yields_typed_events_in_order_and_folds_to_the_whole_response()
    {
        using var client = Client(Sse(Documented("Hel", "lo ", "wor", "ld")), out var handler);

        var events = new List<AgentStreamEvent>();
        await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q", Model = "perplexity/sonar" }))
        {
            events.Add(item);
        }

        Assert.Equal("""{"input":"q","model":"perplexity/sonar","stream":true}""", handler.OnlyRequest.Body);
        Assert.Equal("text/event-stream", handler.OnlyRequest.Headers["Accept"]);
        Assert.Equal(
            [
                AgentStreamEventKind.Created, AgentStreamEventKind.InProgress, AgentStreamEventKind.ReasoningStarted, AgentStreamEventKind.ReasoningSearchQueries,
                AgentStreamEventKind.ReasoningSearchResults, AgentStreamEventKind.ReasoningStopped, AgentStreamEventKind.OutputItemAdded, AgentStreamEventKind.OutputItemAdded,
                AgentStreamEventKind.OutputTextDelta, AgentStreamEventKind.OutputTextDelta, AgentStreamEventKind.OutputTextDelta, AgentStreamEventKind.OutputTextDelta,
                AgentStreamEventKind.OutputTextDone, AgentStreamEventKind.OutputItemDone, AgentStreamEventKind.Completed,
            ],
            events.Select(e => e.Kind));
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 50, 60, 99], events.Select(e => e.SequenceNumber!.Value));
        Assert.Equal(["Hel", "lo ", "wor", "ld"], events.Where(e => e.Kind == AgentStreamEventKind.OutputTextDelta).Select(e => e.Delta));
        Assert.Equal(["q"], events[3].Queries);
        Assert.Equal("https://s.example/1", Assert.Single(events[4].Results!).Url);
        Assert.IsType<AgentOutputMessage>(events[7].Item);
        Assert.Equal((1L, 0L, "msg_s"), (events[8].OutputIndex!.Value, events[8].ContentIndex!.Value, events[8].ItemId));

        var builder = new AgentResponseBuilder();
        events.ForEach(builder.Append);
        var folded = builder.Build();
        Assert.Equal(("resp_s", "completed", "Hello world"), (folded.Id, folded.Status, folded.OutputText));
        Assert.Equal(12L, folded.Usage!.TotalTokens);
        Assert.Equal("https://s.example/1", Assert.Single(folded.Sources).Url);
    }

    [Fact]
    public void Building_leaves_the_events_response_and_items_as_they_came_and_builds_anew_each_time()
    {
        var item = new AgentOutputMessage { Id = "msg_1", Content = [new AgentOutputContent { Type = "output_text", Text = "" }] };
        var completed = new AgentResponse { Id = "resp_1", Status = "completed", Output = [item] };
        var builder = new AgentResponseBuilder();
        builder.Append(new AgentStreamEvent { Type = "response.output_text.delta", OutputIndex = 0, ContentIndex = 0, Delta = "Hel" });
        builder.Append(new AgentStreamEvent { Type = "response.completed", Response = completed });

        var first = builder.Build();
        builder.Append(new AgentStreamEvent { Type = "response.output_text.done", OutputIndex = 0, ContentIndex = 0, Text = "Hello" });
        var second = builder.Build();

        Assert.Equal(("resp_1", "Hel"), (first.Id, first.OutputText));
        Assert.Equal("Hello", second.OutputText);
        Assert.NotSame(completed, first);
        Assert.NotSame(first.Output, second.Output);
        Assert.Equal("", item.Content[0].Text);
        Assert.Same(item, Assert.Single(completed.Output));
        Assert.Equal("", completed.OutputText);
    }

    [Fact]
    public async Task ToResponseAsync_gives_the_text_once_however_many_terminal_events_repeat_it()
    {
        using var client = Client(Sse(Documented("a", "b", "c")), out _);

        var folded = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync();

        Assert.Equal("abc", folded.OutputText);
    }

    [Fact]
    public async Task Missed_deltas_are_recovered_from_the_done_event_and_a_completed_event_without_output_is_filled_in()
    {
        var body = Sse(
            Created,
            Delta("Hel", 1),
            TextDone("Hello world"),
            """{"type":"response.completed","sequence_number":9,"response":{"id":"resp_s","status":"completed","output":[]}}""");
        using var client = Client(body, out _);

        var folded = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync();

        Assert.Equal(("resp_s", "Hello world"), (folded.Id, folded.OutputText));
    }

    [Fact]
    public async Task A_folded_stream_reads_each_event_on_its_own_nothing_of_one_event_carries_into_the_next()
    {
        // The fold reads every event into one object: a field one event has and the next lacks must not
        // come along (a stale delta would repeat text; a stale content index would move it to another part),
        // and a delta reads the same (escapes, a number as its text) whether folded or enumerated.
        var body = Sse(
            Created,
            """{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"type":"message","id":"msg_s","role":"assistant","status":"in_progress","content":[]}}""",
            """{"type":"response.output_text.delta","sequence_number":2,"output_index":0,"content_index":1,"delta":"second"}""",
            """{"type":"response.output_text.delta","sequence_number":3,"delta":"fir"}""",
            """{"type":"response.output_text.delta","sequence_number":4,"delta":null}""",
            """{"type":"response.output_text.delta","sequence_number":5}""",
            """{"type":"response.output_text.delta","sequence_number":6,"delta":"s\u0074 \u00e9"}""",
            """{"type":"response.output_text.delta","sequence_number":7,"delta":2}""",
            """{"type":"response.completed","sequence_number":9,"response":{"id":"resp_s","status":"completed","output":[{"type":"message","id":"msg_s","role":"assistant","content":[{"type":"output_text","text":""},{"type":"output_text","text":""}]}]}}""");
        using var client = Client(body, out _);
        var request = new AgentRequest { Input = "q" };

        var folded = await client.Perplexity.Agent.StreamResponseAsync(request).ToResponseAsync();

        var parts = Assert.IsType<AgentOutputMessage>(Assert.Single(folded.Output)).Content!;
        Assert.Equal(["first é2", "second"], parts.Select(p => p.Text));

        // The same events enumerated one object each, and folded by the caller, add up to the same.
        var builder = new AgentResponseBuilder();
        await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(request))
        {
            builder.Append(item);
        }

        Assert.Equal(["first é2", "second"], ((AgentOutputMessage)builder.Build().Output[0]).Content!.Select(p => p.Text));
    }

    [Fact]
    public async Task Text_from_deltas_alone_is_kept_when_no_terminal_event_carries_it()
    {
        var body = Sse(
            Created,
            """{"type":"response.output_text.delta","sequence_number":null,"item_id":null,"output_index":null,"content_index":null,"delta":"Just "}""",
            """{"type":"response.output_text.delta","delta":"deltas."}""",
            """{"type":"response.completed","sequence_number":9,"response":{"id":"resp_s","status":"completed","output":null}}""");
        using var client = Client(body, out _);

        var folded = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync();

        Assert.Equal("Just deltas.", folded.OutputText);
    }

    [Fact]
    public async Task Response_failed_mid_stream_raises_a_stream_exception_with_the_partial_text_and_the_service_error()
    {
        var body = Sse(Created, Delta("Partial ", 1), Delta("answer", 2), """{"type":"response.failed","sequence_number":3,"error":{"code":"upstream_error","message":"The model crashed","type":"server_error"}}""");
        using var client = Client(body, out _);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync());

        Assert.Equal(("Partial answer", "upstream_error", "The model crashed", HttpStatusCode.OK), (error.PartialText, error.ErrorCode, error.Error.Message, error.StatusCode));
    }

    [Fact]
    public async Task A_completed_event_whose_response_failed_is_a_failure_not_an_empty_answer()
    {
        using var client = Client(Sse(Created, Completed("", "failed")), out _);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync());

        Assert.Equal("response_failed", error.ErrorCode);
    }

    [Theory]
    [InlineData("event: error\ndata: {\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded\",\"code\":529}}")]
    [InlineData("{\"error\":{\"message\":\"Overloaded\",\"type\":\"overloaded\",\"code\":529}}")]
    public async Task An_error_frame_after_http_200_raises_a_stream_exception_with_the_partial_text(string frame)
    {
        using var client = Client(Sse(Created, Delta("So far", 1), frame), out _);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync());

        Assert.Equal(("So far", "529", "overloaded"), (error.PartialText, error.ErrorCode, error.Error.Type));
        Assert.Contains("Overloaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_ends_before_response_completed_is_a_stream_exception_not_a_short_answer()
    {
        using var client = Client(Sse(Created, Delta("Cut ", 1), Delta("off", 2)), out _);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }).ToResponseAsync());

        Assert.Equal(("stream_incomplete", "Cut off"), (error.ErrorCode, error.PartialText));
    }

    [Fact]
    public async Task Unknown_events_are_yielded_with_their_fields_and_keep_alives_are_skipped()
    {
        using var client = Client(Sse([Created, ": keep-alive", """{"type":"response.sandbox.started","sequence_number":1,"sandbox_id":"sb_1"}""", .. Documented("x")[1..]]), out _);

        var events = new List<AgentStreamEvent>();
        await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }))
        {
            events.Add(item);
        }

        var unknown = Assert.Single(events, e => e.Kind == AgentStreamEventKind.Unknown);
        Assert.Equal(("response.sandbox.started", 1L, "sb_1"), (unknown.Type, unknown.SequenceNumber!.Value, unknown.AdditionalProperties!["sandbox_id"].GetString()));
    }

    [Fact]
    public async Task Breaking_out_of_the_stream_disposes_the_response()
    {
        var tracker = new TrackingContent.Tracker();
        using var client = Client(Sse(Documented("a", "b", "c", "d")), out _, tracker);

        await foreach (var item in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }))
        {
            if (item.Kind == AgentStreamEventKind.OutputTextDelta)
            {
                break;
            }
        }

        Assert.Equal(1, tracker.Disposed);
    }

    [Fact]
    public async Task An_error_status_before_the_stream_is_the_mapped_exception()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json("""{"error":{"message":"Invalid API key","type":"authentication_error","code":401}}""", HttpStatusCode.Unauthorized)));

        await Assert.ThrowsAsync<ThreadsAuthenticationException>(async () =>
        {
            await foreach (var _ in client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q" }))
            {
            }
        });
    }
}
