using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>A streaming request answered with plain JSON: the reply it holds, or its error; never zero events.</summary>
public sealed class JsonInsteadOfStreamTests
{
    private const string AitronosReply = """{"id":"resp_1","thread_id":"th_1","output":[{"type":"message","role":"assistant","content":[{"type":"output_text","text":"Hi"}]}]}""";

    private static ChatCompletionRequest PerplexityRequest() => new() { Messages = { ChatMessage.User("Q") } };

    private static AitronosResponseRequest AitronosRequest() => new() { Model = "gpt-4.1", Thread = "th_1", Inputs = { AitronosInput.User("Hi") } };

    private static ThreadsClient Client(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(json, status)));

    [Fact]
    public async Task Perplexity_folds_a_json_completion_and_yields_it_as_one_chunk_with_its_message()
    {
        using var client = Client(PerplexitySeed.StartThreadReply);

        var folded = await client.Perplexity.StreamChatCompletionAsync(PerplexityRequest()).ToChatCompletionAsync();
        var chunks = await client.Perplexity.StreamChatCompletionAsync(PerplexityRequest()).ToListAsync();

        Assert.StartsWith("The movie that won", folded.Content);
        Assert.Equal(PerplexitySeed.ThreadId, folded.ThreadId);
        var chunk = Assert.Single(chunks);
        Assert.StartsWith("The movie that won", chunk.Choices[0].Message!.Content!.Text);

        // A caller printing each chunk's DeltaText shows the answer, not nothing.
        Assert.Equal(chunk.Choices[0].Message!.Content!.Text, chunk.DeltaText);
        Assert.Equal(folded.Content, string.Concat(chunks.Select(c => c.DeltaText)));
    }

    [Fact]
    public async Task The_agent_api_folds_a_json_response_and_yields_it_as_response_completed()
    {
        using var client = Client(AgentWireTests.MinimalReply);

        var folded = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync();
        var events = await client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToListAsync();

        Assert.Equal(("Hi.", "resp_1"), (folded.OutputText, folded.Id));
        var only = Assert.Single(events);
        Assert.Equal((AgentStreamEventKind.Completed, "Hi."), (only.Kind, only.Response!.OutputText));
    }

    [Fact]
    public async Task A_failed_agent_response_sent_as_json_to_a_stream_is_a_stream_exception()
    {
        using var client = Client("""{"id":"resp_1","status":"failed","error":{"code":"server_error","message":"The agent stopped."},"output":[]}""");

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync());

        Assert.Contains("The agent stopped.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aitronos_folds_a_json_response_and_yields_it_as_one_completed_event()
    {
        using var client = Client(AitronosReply);

        var folded = await client.Aitronos.StreamResponseAsync(AitronosRequest()).ToResponseAsync();
        var events = await client.Aitronos.StreamResponseAsync(AitronosRequest()).ToListAsync();

        Assert.Equal(("Hi", "resp_1", "th_1"), (folded.OutputText, folded.Id, folded.ThreadId));
        var only = Assert.Single(events);
        Assert.Equal((AitronosStreamEventKind.Completed, "resp_1"), (only.Kind, only.ResponseId));
    }

    [Fact]
    public async Task An_error_envelope_sent_as_json_with_200_to_a_stream_is_the_typed_error_of_each_provider()
    {
        using var perplexity = Client("""{"error":{"message":"Rate limit reached.","type":"rate_limit_exceeded","code":429}}""");
        using var agent = Client("""{"error":{"message":"Rate limit reached.","type":"rate_limit_exceeded","code":429}}""");
        using var aitronos = Client("""{"success":false,"error":{"code":"RATE_LIMITED","message":"Rate limit reached.","status":429}}""");

        var errors = new ThreadsApiException[]
        {
            await Assert.ThrowsAsync<RateLimitedException>(() => perplexity.Perplexity.StreamChatCompletionAsync(PerplexityRequest()).ToChatCompletionAsync()),
            await Assert.ThrowsAsync<RateLimitedException>(() => agent.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync()),
            await Assert.ThrowsAsync<RateLimitedException>(() => aitronos.Aitronos.StreamResponseAsync(AitronosRequest()).ToResponseAsync()),
        };

        Assert.All(errors, e => Assert.Equal((HttpStatusCode.TooManyRequests, "Rate limit reached."), (e.Error.StatusCode, e.Error.Message)));
    }
}
