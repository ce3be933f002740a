using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary><c>data: {"error":{...}}</c> inside a stream with no <c>event: error</c> line: a stream exception with the text so far, for every provider.</summary>
public sealed class InBandErrorFrameTests
{
    private const string ErrorFrame = "data: {\"error\":{\"message\":\"The model is overloaded.\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n";

    private static ThreadsClient Client(string body) => RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(body)));

    [Fact]
    public async Task Perplexity()
    {
        var body = PerplexityStreams.FullMode(["Breaking", " the"], done: false) + ErrorFrame + PerplexityStreams.FullMode([" Waves"]);
        using var client = Client(body);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }).ToChatCompletionAsync());

        Assert.Equal(("Breaking the", "overloaded", "The model is overloaded."), (error.PartialText, error.Error.Code, error.Error.Message));
    }

    [Fact]
    public async Task Perplexity_chunks_enumerated_by_the_caller()
    {
        using var client = Client(PerplexityStreams.FullMode(["Breaking"], done: false) + ErrorFrame);
        var seen = new List<string?>();

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(async () =>
        {
            await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }))
            {
                seen.Add(chunk.DeltaText);
            }
        });

        Assert.Equal(["Breaking"], seen);
        Assert.Equal("Breaking", error.PartialText);
    }

    [Theory]
    [InlineData(ErrorFrame)]
    [InlineData("data: {\"success\":false,\"error\":{\"message\":\"The model is overloaded.\",\"code\":\"overloaded\"}}\n\n")]
    public async Task Aitronos(string frame)
    {
        using var client = Client("event: response.created\ndata: {\"response_id\":\"r1\",\"thread_id\":\"th_1\"}\n\n" + "data: {\"event\":\"response.content_delta\",\"delta\":\"Hel\"}\n\n" + frame + "data: {\"event\":\"response.content_delta\",\"delta\":\"lo\"}\n\n");

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Aitronos.StreamResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "th_1", Inputs = { AitronosInput.User("Hi") } }).ToResponseAsync());

        Assert.Equal(("Hel", "The model is overloaded."), (error.PartialText, error.Error.Message));
    }

    [Fact]
    public async Task The_agent_api()
    {
        using var client = Client(AgentStreams.Sse(AgentStreams.Delta("Hel", 1)) + ErrorFrame);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync());

        Assert.Equal(("Hel", "The model is overloaded."), (error.PartialText, error.Error.Message));
    }

    [Fact]
    public async Task An_event_that_is_not_json_is_a_stream_exception_with_the_text_so_far_for_every_provider()
    {
        const string Broken = "data: {\"choices\": [oops\n\n";
        using var perplexity = Client(PerplexityStreams.FullMode(["Hel"], done: false) + Broken);
        using var agent = Client(AgentStreams.Sse(AgentStreams.Delta("Hel", 1)) + Broken);
        using var aitronos = Client("data: {\"event\":\"response.content_delta\",\"delta\":\"Hel\"}\n\n" + Broken);

        var errors = new[]
        {
            await Assert.ThrowsAsync<ThreadsStreamException>(() => perplexity.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } }).ToChatCompletionAsync()),
            await Assert.ThrowsAsync<ThreadsStreamException>(() => agent.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync()),
            await Assert.ThrowsAsync<ThreadsStreamException>(() => aitronos.Aitronos.StreamResponseAsync(new AitronosResponseRequest { Model = "gpt-4.1", Thread = "th_1", Inputs = { AitronosInput.User("Hi") } }).ToResponseAsync()),
        };

        Assert.All(errors, e => Assert.Equal(("unreadable_event", "Hel"), (e.Error.Code, e.PartialText)));
        Assert.All(errors, e => Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException));
    }
}
