using System.Text.Json;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

/// <summary>
/// <c>ToChatCompletionAsync</c> on the SDK's own stream reads events straight into the builder; it
/// must give exactly what folding the enumerated chunks gives, for every shape a stream can take.
/// </summary>
public sealed class StreamFoldTests
{
    private static readonly string LongPiece = string.Concat(Enumerable.Repeat("0123456789 é ", 60));

    public static TheoryData<string, string> Streams() => new()
    {
        { "full mode", PerplexityStreams.FullMode(["Breaking", " the", " Waves", "."]) },
        { "escapes, non-ASCII and a delta longer than the stack buffer", EscapedStream() },
        { "aggregated messages only", Events("""{"choices":[{"index":0,"message":{"role":"assistant","content":"Hel"}}]}""", """{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}}],"usage":null}""") },
        {
            "two choices, index after the delta, delta without a role, parts, extras",
            Events(
                """{"id":"s9","created":1,"model":"sonar-pro","choices":[{"delta":{"content":"A1"},"index":1,"logprobs":null},{"index":0,"delta":{"role":"assistant","content":[{"type":"text","text":"B"},{"type":"text","text":"1"}]}}],"brand_new":{"k":1}}""",
                """{"id":"other","model":"sonar","choices":[{"index":0,"delta":{"content":null}},{"index":1,"delta":{"content":" A2"},"finish_reason":"length"}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3},"brand_new":{"k":2},"later":true}""",
                """{"choices":[{"index":0,"delta":null,"message":{"role":"assistant","content":"ignored once deltas came"},"finish_reason":"stop"}],"related_questions":["q?"],"images":[{"u":"x"}],"thread_id":"11111111-2222-3333-4444-555555555555"}""")
        },
        { "keep-alives and a thread id that changes", ": ping\n\ndata:\n\n" + Events("""{"thread_id":"t-1","choices":[]}""", """{"thread_id":"t-2","choices":[{"index":0,"delta":{"content":"x"}}]}""", """{"choices":[]}""") },
        { "the aggregated message before the delta", Events("""{"choices":[{"index":0,"message":{"role":"assistant","content":"Hel"},"delta":{"role":"assistant","content":"Hel"}}]}""", """{"choices":[{"message":{"role":"assistant","content":"Hello"},"delta":{"content":"lo"},"index":0}]}""") },
        { "no events", "data: [DONE]\n\n" },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Folding_the_stream_gives_what_folding_its_chunks_gives(string shape, string body)
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.EventStream(body));
        using var client = RecordingHandler.CreateClient(handler);
        var request = new ChatCompletionRequest { UseThreads = true, Messages = { ChatMessage.User("Q") } };

        var folded = await client.Perplexity.StreamChatCompletionAsync(request).ToChatCompletionAsync();
        var builder = new ChatCompletionBuilder();
        await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(request))
        {
            builder.Append(chunk);
        }

        var expected = JsonSerializer.Serialize(builder.Build(), PerplexityJsonContext.Default.ChatCompletion);
        Assert.Equal(expected, JsonSerializer.Serialize(folded, PerplexityJsonContext.Default.ChatCompletion));
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests.First().Body, handler.Requests.Last().Body);
        Assert.NotEmpty(shape);
    }

    [Fact]
    public async Task The_folded_text_is_the_deltas_unescaped_in_order()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(EscapedStream()));
        using var client = RecordingHandler.CreateClient(handler);

        var folded = await client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }).ToChatCompletionAsync();

        Assert.Equal("line\n\"quoted\" café 😀 ✓" + LongPiece, folded.Content);
        Assert.Equal("assistant", folded.Choices[0].Message!.Role);
    }

    [Fact]
    public async Task A_delta_without_a_role_is_the_assistant_s_in_both_paths()
    {
        var body = Events("""{"choices":[{"index":0,"delta":{"content":"x"}}]}""");
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.EventStream(body)));
        var request = new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } };

        var folded = await client.Perplexity.StreamChatCompletionAsync(request).ToChatCompletionAsync();
        var chunk = await client.Perplexity.StreamChatCompletionAsync(request).FirstAsync();

        Assert.Equal("assistant", folded.Choices[0].Message!.Role);
        Assert.Equal("assistant", chunk.Choices[0].Delta!.Role);
    }

    [Fact]
    public async Task Cancelling_the_fold_stops_it_with_the_caller_s_token()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(PerplexityStreams.FullMode(["a", "b"]))));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }).ToChatCompletionAsync(cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
    }

    /// <summary>Deltas with JSON escapes, a surrogate pair, raw non-ASCII, and one longer than the reader's stack buffer.</summary>
    private static string EscapedStream() => Events(
        """{"choices":[{"index":0,"delta":{"role":"assistant","content":"line\n\"quoted\""}}]}""",
        """{"choices":[{"index":0,"delta":{"content":" caf\u00e9 \ud83d\ude00 ✓"}}]}""",
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + LongPiece + "\"}}]}");

    private static string Events(params string[] events) => string.Concat(events.Select(e => "data: " + e + "\n\n")) + "data: [DONE]\n\n";
}
