using System.Net;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

public sealed class PerplexityStreamingTests
{
    private static readonly string[] Pieces = ["Breaking", " the", " Waves", "."];

    private static ChatCompletionRequest Request() => new() { UseThreads = true, Messages = { ChatMessage.User("Q") } };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Full_mode_stream_folds_to_the_text_once_with_or_without_DONE(bool done)
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(Pieces, done)));
        using var client = RecordingHandler.CreateClient(handler);

        var completion = await client.Perplexity.StreamChatCompletionAsync(Request()).ToChatCompletionAsync();

        Assert.Equal("Breaking the Waves.", completion.Content);
        Assert.Equal(PerplexitySeed.ThreadId, completion.ThreadId);
        Assert.Equal(["https://a.example"], completion.Citations);
        Assert.Equal(4, completion.Usage!.CompletionTokens);
        Assert.Equal("https://a.example", Assert.Single(completion.SearchResults!).Url);
        Assert.Equal("stop", completion.Choices[0].FinishReason);
        Assert.Equal("assistant", completion.Choices[0].Message!.Role);
        Assert.Equal(("s1", "sonar-pro", "chat.completion"), (completion.Id, completion.Model, completion.ObjectType));
    }

    [Fact]
    public async Task Each_chunk_exposes_only_its_delta()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(Pieces)));
        using var client = RecordingHandler.CreateClient(handler);

        var deltas = new List<string?>();
        await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Request()))
        {
            deltas.Add(chunk.DeltaText);
        }

        Assert.Equal(Pieces, deltas);
    }

    [Fact]
    public async Task Stream_with_only_aggregated_messages_uses_the_last_message()
    {
        const string body =
            "data: {\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}]}\n\n";
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var completion = await client.Perplexity.StreamChatCompletionAsync(Request()).ToChatCompletionAsync();

        Assert.Equal("Hello", completion.Content);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stream_that_ends_cleanly_with_no_finish_reason_and_no_done_is_stream_incomplete_with_its_text(bool folded)
    {
        const string body =
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello \"},\"message\":{\"role\":\"assistant\",\"content\":\"Hello \"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"wor\"},\"message\":{\"role\":\"assistant\",\"content\":\"Hello wor\"}}]}\n\n";
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            if (folded)
            {
                await client.Perplexity.StreamChatCompletionAsync(Request()).ToChatCompletionAsync();
            }
            else
            {
                await foreach (var _ in client.Perplexity.StreamChatCompletionAsync(Request()))
                {
                }
            }
        });

        Assert.Equal(("stream_incomplete", "Hello wor"), (error.ErrorCode, error.PartialText));
    }

    [Fact]
    public async Task A_session_turn_whose_stream_was_cut_records_nothing()
    {
        var body = "data: {\"thread_id\":\"" + PerplexitySeed.ThreadId + "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello wor\"}}]}\n\n";
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);
        var session = client.Perplexity.StartSession();
        var before = session.Record;

        var stream = session.StreamAsync("Say hello");
        await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            await foreach (var _ in stream)
            {
            }
        });

        Assert.Same(before, session.Record);
    }

    [Fact]
    public async Task The_latest_thread_id_wins()
    {
        const string other = "11111111-2222-3333-4444-555555555555";
        var body = "data: {\"thread_id\":\"" + PerplexitySeed.ThreadId + "\",\"choices\":[]}\n\ndata: {\"thread_id\":\"" + other + "\",\"choices\":[]}\n\ndata: {\"choices\":[]}\n\ndata: [DONE]\n\n";
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var completion = await client.Perplexity.StreamChatCompletionAsync(Request()).ToChatCompletionAsync();

        Assert.Equal(other, completion.ThreadId);
    }

    [Fact]
    public async Task Error_event_raises_a_stream_exception_with_the_service_error()
    {
        var body = PerplexityStreams.FullMode(["Hel"], done: false)
            + "event: error\ndata: {\"error\":{\"message\":\"generation failed\",\"type\":\"server_error\",\"code\":500}}\n\n";
        var handler = new RecordingHandler(RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);

        var seen = new List<string?>();
        var ex = await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Request()))
            {
                seen.Add(chunk.DeltaText);
            }
        });

        Assert.Equal(["Hel"], seen);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("500", ex.ErrorCode);
        Assert.Equal("generation failed", ex.Error.Message);
        Assert.Contains("the stream reported an error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Breaking_out_early_disposes_the_response()
    {
        var tracker = new TrackingContent.Tracker();
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(Pieces), tracker));
        using var client = RecordingHandler.CreateClient(handler);

        await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Request()))
        {
            break;
        }

        Assert.Equal(1, tracker.Disposed);
    }

    [Fact]
    public async Task Cancellation_is_honoured_between_events()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(Pieces)));
        using var client = RecordingHandler.CreateClient(handler);
        using var cts = new CancellationTokenSource();

        var seen = 0;
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Request(), cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    [Fact]
    public async Task Http_error_before_the_stream_maps_like_a_normal_call()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("""{"error":{"message":"Thread not found","type":"not_found","code":404}}""", HttpStatusCode.NotFound));
        using var client = RecordingHandler.CreateClient(handler);
        var request = new ChatCompletionRequest { UseThreads = true, ThreadId = PerplexitySeed.ThreadId, Messages = { ChatMessage.User("Q") } };

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Perplexity.StreamChatCompletionAsync(request).ToChatCompletionAsync());
    }

    [Fact]
    public void Builder_folds_chunks_appended_by_hand()
    {
        var builder = new ChatCompletionBuilder();
        builder.Append(new ChatCompletionChunk { Choices = { new ChatChoice { Delta = ChatMessage.Assistant("a") } } });
        builder.Append(new ChatCompletionChunk { ThreadId = PerplexitySeed.ThreadId, Choices = { new ChatChoice { Delta = ChatMessage.Assistant("b"), Message = ChatMessage.Assistant("ab") } } });

        var built = builder.Build();

        Assert.Equal("ab", built.Content);
        Assert.Equal(2, builder.ChunkCount);
        Assert.Equal(PerplexitySeed.ThreadId, builder.ThreadId);
    }

    [Fact]
    public void Content_text_of_parts_follows_later_edits_to_the_parts()
    {
        var content = new ChatContent([ChatContentPart.FromText("a"), ChatContentPart.FromImageUrl("https://example.com/i.png")]);
        content.Parts!.Add(ChatContentPart.FromText("b"));

        Assert.Equal("ab", content.Text);
        Assert.Equal("ab", content.ToString());
    }

    [Fact]
    public async Task Full_mode_chunks_enumerated_by_the_caller_carry_the_message_so_far_as_sent()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(Pieces)));
        using var client = RecordingHandler.CreateClient(handler);

        var messages = new List<string?>();
        await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(Request()))
        {
            messages.Add(chunk.Choices[0].Message?.Content?.Text);
        }

        Assert.Equal(["Breaking", "Breaking the", "Breaking the Waves", "Breaking the Waves."], messages);
    }
}
