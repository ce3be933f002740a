using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosStreamingTests
{
    private static AitronosResponseRequest Request() => new() { Model = "gpt-4.1", Thread = "th_1", Inputs = { AitronosInput.User("Hi") } };

    private const string WithEventLines =
        "event: response.created\ndata: {\"response_id\":\"r1\",\"thread_id\":\"th_1\"}\n\n"
        + "event: response.content_delta\ndata: {\"delta\":\"Hel\"}\n\n"
        + "event: response.heartbeat\ndata: {}\n\n"
        + "event: response.content_delta\ndata: {\"delta\":\"lo\"}\n\n"
        + "event: response.something_new\ndata: {\"x\":1}\n\n"
        + "event: response.completed\ndata: {\"response_id\":\"r1\",\"thread_id\":\"th_1\",\"response\":\"Hello\"}\n\n"
        + "data: [DONE]\n\n";

    private const string WithJsonEventField =
        "data: {\"event\":\"response.created\",\"response_id\":\"r1\",\"thread_id\":\"th_1\"}\n\n"
        + "data: {\"event\":\"response.content_delta\",\"delta\":\"Hel\"}\n\n"
        + "data: {\"event\":\"response.heartbeat\"}\n\n"
        + "data: {\"event\":\"response.content_delta\",\"delta\":\"lo\"}\n\n"
        + "data: {\"event\":\"response.something_new\"}\n\n"
        + "data: {\"event\":\"response.completed\",\"response\":{\"id\":\"r1\",\"thread_id\":\"th_1\",\"output\":[{\"content\":[{\"text\":\"Hello\"}]}]}}\n\n"
        + "data: [DONE]\n\n";

    [Theory]
    [InlineData(WithEventLines)]
    [InlineData(WithJsonEventField)]
    public async Task Event_type_comes_from_the_event_line_or_the_json_field(string body)
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var events = new List<AitronosStreamEvent>();
        await foreach (var item in client.Aitronos.StreamResponseAsync(Request()))
        {
            events.Add(item);
        }

        Assert.Equal(
            [AitronosStreamEventKind.Created, AitronosStreamEventKind.ContentDelta, AitronosStreamEventKind.Heartbeat, AitronosStreamEventKind.ContentDelta, AitronosStreamEventKind.Completed],
            events.Select(e => e.Kind));
        Assert.Equal(["Hel", "lo"], events.Where(e => e.Kind == AitronosStreamEventKind.ContentDelta).Select(e => e.Delta));
        var completed = events[^1].Response!;
        Assert.Equal(("r1", "th_1", "Hello"), (completed.Id, completed.ThreadId, completed.OutputText));
        Assert.Contains("\"stream\":true", handler.OnlyRequest.Body, StringComparison.Ordinal);
        Assert.Equal("text/event-stream", handler.OnlyRequest.Headers["Accept"]);
    }

    [Fact]
    public void Building_leaves_the_completed_events_response_as_it_came_and_builds_anew_each_time()
    {
        var completed = new AitronosResponse { Status = "completed" };
        var builder = new AitronosResponseBuilder();
        builder.Append(new AitronosStreamEvent { Kind = AitronosStreamEventKind.Created, ResponseId = "r1", ThreadId = "th_1" });
        builder.Append(new AitronosStreamEvent { Kind = AitronosStreamEventKind.ContentDelta, Delta = "Hel" });
        builder.Append(new AitronosStreamEvent { Kind = AitronosStreamEventKind.Completed, Response = completed });

        var first = builder.Build();
        builder.Append(new AitronosStreamEvent { Kind = AitronosStreamEventKind.ContentDone, Delta = "Hello" });
        var second = builder.Build();

        Assert.Equal(("r1", "th_1", "Hel", "completed"), (first.Id, first.ThreadId, first.OutputText, first.Status));
        Assert.Equal("Hello", second.OutputText);
        Assert.NotSame(completed, first);
        Assert.NotSame(first, second);
        Assert.Equal((null, null, null), (completed.Id, completed.ThreadId, completed.OutputText));
    }

    [Fact]
    public async Task An_events_unmodelled_fields_are_kept_and_a_done_event_gives_its_whole_text()
    {
        const string Body =
            "event: response.content_delta\ndata: {\"text\":\"Hel\",\"item_id\":\"i1\"}\n\n"
            + "event: response.content_done\ndata: {\"delta\":\"ignored\",\"text\":[{\"text\":\"Hello\"}]}\n\n"
            + "event: response.completed\ndata: {\"response_id\":\"r1\"}\n\n"
            + "data: [DONE]\n\n";
        var handler = new RecordingHandler(RecordingHandler.EventStream(Body));
        using var client = RecordingHandler.CreateClient(handler);

        var events = new List<AitronosStreamEvent>();
        await foreach (var item in client.Aitronos.StreamResponseAsync(Request()))
        {
            events.Add(item);
        }

        Assert.Equal(["Hel", "Hello", null], events.Select(e => e.Delta));
        Assert.Equal("i1", events[0].AdditionalProperties!["item_id"].GetString());
    }

    [Fact]
    public async Task Stream_folds_to_the_response()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(WithEventLines));
        using var client = RecordingHandler.CreateClient(handler);

        var response = await client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync();

        Assert.Equal(("r1", "th_1", "Hello"), (response.Id, response.ThreadId, response.OutputText));
    }

    [Fact]
    public async Task A_folded_stream_reads_each_event_on_its_own_and_adds_up_as_the_enumerated_events_do()
    {
        // The fold reads every event into one object: what one event had (a delta, a done text, a
        // thread) must not come along into the next; a delta reads the same in each of its shapes (a
        // number is no text for Aitronos: absent, as its converter reads it).
        var body =
            "event: response.created\ndata: {\"response_id\":\"r1\",\"thread_id\":\"th_1\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"Hel\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":null}\n\n"
            + "event: response.content_delta\ndata: {}\n\n"
            + "event: response.content_delta\ndata: {\"text\":\"lo\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":[{\"text\":\" w\"},{\"text\":\"o\"}]}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"r\\u006cd\",\"text\":\"ignored\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":7}\n\n"
            + "event: response.completed\ndata: {\"response_id\":\"r1\"}\n\n"
            + "data: [DONE]\n\n";
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var folded = await client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync();

        var builder = new AitronosResponseBuilder();
        await foreach (var item in client.Aitronos.StreamResponseAsync(Request()))
        {
            builder.Append(item);
        }

        var enumerated = builder.Build();
        Assert.Equal(("r1", "th_1", "Hello world"), (folded.Id, folded.ThreadId, folded.OutputText));
        Assert.Equal((folded.Id, folded.ThreadId, folded.OutputText), (enumerated.Id, enumerated.ThreadId, enumerated.OutputText));
    }

    [Fact]
    public async Task A_stream_without_a_completed_event_is_stream_incomplete_with_its_text_and_a_session_records_nothing()
    {
        var body = "event: response.created\ndata: {\"response_id\":\"r2\",\"thread_id\":\"th_1\"}\n\nevent: response.content_delta\ndata: {\"delta\":\"Hello wor\"}\n\ndata: [DONE]\n\n";
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Aitronos.StartSession();
        var before = session.Record;

        var folded = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync());
        var turn = session.StreamAsync("Say hello");
        await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            await foreach (var _ in turn)
            {
            }
        });

        Assert.Equal(("stream_incomplete", "Hello wor"), (folded.ErrorCode, folded.PartialText));
        Assert.Same(before, session.Record);
    }

    [Theory]
    [InlineData("event: response.error\ndata: {\"error\":{\"code\":\"MODEL_OVERLOADED\",\"message\":\"try later\"}}\n\n")]
    [InlineData("data: {\"event\":\"response.failed\",\"error\":{\"code\":\"MODEL_OVERLOADED\",\"message\":\"try later\"}}\n\n")]
    public async Task In_band_error_after_200_raises_with_the_text_so_far(string errorEvent)
    {
        var body = "event: response.content_delta\ndata: {\"delta\":\"Partial \"}\n\nevent: response.content_delta\ndata: {\"delta\":\"answer\"}\n\n" + errorEvent;
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var ex = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync());

        Assert.Equal("Partial answer", ex.PartialText);
        Assert.Equal(("MODEL_OVERLOADED", "try later", HttpStatusCode.OK), (ex.ErrorCode, ex.Error.Message, ex.StatusCode));
    }

    [Fact]
    public async Task Breaking_out_early_disposes_the_response()
    {
        var tracker = new TrackingContent.Tracker();
        var handler = new RecordingHandler(RecordingHandler.EventStream(WithEventLines, tracker));
        using var client = RecordingHandler.CreateClient(handler);

        await foreach (var item in client.Aitronos.StreamResponseAsync(Request()))
        {
            break;
        }

        Assert.Equal(1, tracker.Disposed);
    }

    [Fact]
    public async Task A_stream_can_be_enumerated_again_and_sends_the_same_request_each_time()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(WithEventLines));
        using var client = RecordingHandler.CreateClient(handler);
        var stream = client.Aitronos.StreamResponseAsync(Request());

        var first = await stream.ToResponseAsync();
        var second = await stream.ToResponseAsync();

        Assert.Equal(first.OutputText, second.OutputText);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests.First().Body, handler.Requests.Last().Body);
    }

    [Theory]
    [InlineData("event: response.created\ndata: {\"id\":\"resp_9\",\"status\":\"in_progress\"}\n\n")]
    [InlineData("data: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_9\",\"status\":\"in_progress\"}}\n\n")]
    public async Task The_response_id_of_a_created_event_survives_a_completed_event_without_ids(string created)
    {
        var body = created
            + "data: {\"type\":\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n"
            + "data: {\"type\":\"response.completed\",\"response\":{\"status\":\"completed\"}}\n\n";
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(body)));

        var response = await client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync();

        Assert.Equal(("resp_9", "Hi"), (response.Id, response.OutputText));
    }

    [Theory]
    [InlineData("Hel", "Hello")]
    [InlineData("Hello", "Hello")]
    public async Task Output_text_delta_and_done_events_fold_to_the_whole_text_once(string deltas, string expected)
    {
        var body = "data: {\"type\":\"response.created\",\"response\":{\"id\":\"resp_9\"}}\n\n"
            + string.Concat(deltas.Select(c => "data: {\"type\":\"response.output_text.delta\",\"delta\":\"" + c + "\"}\n\n"))
            + "data: {\"type\":\"response.output_text.done\",\"text\":\"Hello\"}\n\n"
            + "data: {\"type\":\"response.completed\",\"response\":{\"status\":\"completed\"}}\n\n";
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(body)));

        var response = await client.Aitronos.StreamResponseAsync(Request()).ToResponseAsync();

        Assert.Equal((expected, "resp_9"), (response.OutputText, response.Id));
    }
}
