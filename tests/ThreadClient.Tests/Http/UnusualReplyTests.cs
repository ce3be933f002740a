using System.Net;
using System.Text;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>Replies that real servers send and that threw raw framework exceptions before: read what is readable, type the rest.</summary>
public sealed class UnusualReplyTests
{
    private static ChatCompletionRequest PerplexityRequest() => new() { Messages = { ChatMessage.User("Q") } };

    private static ThreadsClient Client(HttpResponseMessage reply) => RecordingHandler.CreateClient(new RecordingHandler(reply));

    [Fact]
    public async Task A_perplexity_reply_with_fractional_counts_a_null_index_and_a_numeric_id_is_read()
    {
        using var client = Client(RecordingHandler.Json("""
            {"id":5,"object":"chat.completion","created":1700000000.0,"model":"sonar-pro",
             "choices":[{"index":null,"message":{"role":"assistant","content":"Hi."},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":45.0,"completion_tokens":"7","total_tokens":52}}
            """));

        var completion = await client.Perplexity.CreateChatCompletionAsync(PerplexityRequest());

        Assert.Equal(("5", 1700000000L, "Hi."), (completion.Id, completion.Created!.Value, completion.Content));
        Assert.Equal((45, 7, 52), (completion.Usage!.PromptTokens, completion.Usage.CompletionTokens, completion.Usage.TotalTokens));
    }

    [Fact]
    public async Task A_streamed_perplexity_chunk_with_a_null_index_folds()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream(
            "data: {\"id\":5,\"choices\":[{\"index\":null,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
            + "data: {\"id\":5,\"choices\":[{\"index\":null,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1.0,\"completion_tokens\":2,\"total_tokens\":3}}\n\n"));
        using var client = RecordingHandler.CreateClient(handler);

        var completion = await client.Perplexity.StreamChatCompletionAsync(PerplexityRequest()).ToChatCompletionAsync();

        Assert.Equal(("Hello", "5", 1), (completion.Content, completion.Id, completion.Usage!.PromptTokens));
    }

    [Fact]
    public async Task An_aitronos_count_written_with_a_fraction_is_read()
    {
        using var client = Client(RecordingHandler.Json("""{"id":"r1","output_text":"Hi","usage":{"input_tokens":45.0,"output_tokens":2,"total_tokens":47.0}}"""));

        var reply = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("x") } });

        Assert.Equal((45L, 47L), (reply.Usage!.InputTokens!.Value, reply.Usage.TotalTokens!.Value));
    }

    [Fact]
    public async Task A_reply_that_starts_with_a_utf8_byte_order_mark_is_read_for_every_provider()
    {
        static HttpResponseMessage WithBom(string json)
        {
            var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);
            content.Headers.ContentType = new("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }

        using var perplexity = Client(WithBom("""{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi."}}]}"""));
        using var agent = Client(WithBom(AgentWireTests.MinimalReply));
        using var aitronos = Client(WithBom("""{"id":"r1","output_text":"Hi."}"""));

        Assert.Equal("Hi.", (await perplexity.Perplexity.CreateChatCompletionAsync(PerplexityRequest())).Content);
        Assert.Equal("Hi.", (await agent.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Q" })).OutputText);
        Assert.Equal("Hi.", (await aitronos.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("x") } })).OutputText);
    }

    [Fact]
    public async Task An_html_page_with_status_200_is_a_response_exception_with_status_provider_request_id_and_bounded_body()
    {
        var page = "<html><body>" + new string('x', 20_000) + "</body></html>";
        var reply = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(page, Encoding.UTF8, "text/html") };
        reply.Headers.Add("x-request-id", "req-42");
        using var client = Client(reply);

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => client.Perplexity.CreateChatCompletionAsync(PerplexityRequest()));

        Assert.Equal((HttpStatusCode.OK, "Perplexity", "req-42", "unreadable_reply"), (error.Error.StatusCode, error.Error.Provider, error.Error.RequestId, error.Error.Code));
        Assert.StartsWith("<html><body>xxx", error.Error.RawBody, StringComparison.Ordinal);
        Assert.True(error.Error.RawBody!.Length <= 8 * 1024 + 100, $"RawBody has {error.Error.RawBody.Length} characters");
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }
}
