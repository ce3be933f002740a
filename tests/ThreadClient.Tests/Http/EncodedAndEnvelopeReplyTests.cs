using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>Compressed bodies decoded or refused by name, and error envelopes sent with 200 raised as errors, never read as empty answers.</summary>
public sealed class EncodedAndEnvelopeReplyTests
{
    private const string Completion = """{"id":"c1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi."}}]}""";

    private static ChatCompletionRequest Request() => new() { Messages = { ChatMessage.User("Q") } };

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task The_sdks_own_client_decodes_a_compressed_reply(string encoding)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = encoding;
            var plain = Encoding.UTF8.GetBytes(Completion);
            using var packed = new MemoryStream();
            await using (Stream compressor = encoding switch
            {
                "gzip" => new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true),
                "deflate" => new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true),
                _ => new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true),
            })
            {
                await compressor.WriteAsync(plain);
            }

            await context.Response.Body.WriteAsync(packed.ToArray());
        });
        using var client = new ThreadsClient(new ThreadsClientOptions { Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = server.BaseAddress } });

        Assert.Equal("Hi.", (await client.Perplexity.CreateChatCompletionAsync(Request())).Content);
    }

    [Fact]
    public async Task A_body_left_encoded_by_a_callers_client_is_a_response_exception_naming_the_encoding_without_binary()
    {
        var content = new ByteArrayContent([0x0b, 0x80, 0xff, 0x00, 0x9a, 0x13]);
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("br");
        using var client = RecordingHandler.CreateClient(new RecordingHandler(new HttpResponseMessage(HttpStatusCode.OK) { Content = content }));

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => client.Perplexity.CreateChatCompletionAsync(Request()));

        Assert.Equal(("undecodable_body", HttpStatusCode.OK), (error.Error.Code, error.Error.StatusCode));
        Assert.Contains("'br'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error.Message);
        Assert.Null(error.Error.RawBody);
    }

    [Fact]
    public async Task An_error_envelope_sent_with_200_is_the_typed_error_for_every_provider()
    {
        static ThreadsClient Client(string json) => RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(json)));
        using var perplexity = Client("""{"error":{"message":"Invalid model 'x'.","type":"invalid_request_error","code":400}}""");
        using var agent = Client("""{"error":{"message":"Invalid model 'x'.","type":"invalid_request_error","code":400}}""");
        using var aitronos = Client("""{"success":false,"error":{"code":"INVALID_MODEL","message":"Invalid model 'x'.","status":400}}""");

        var errors = new[]
        {
            await Assert.ThrowsAnyAsync<ThreadsApiException>(() => perplexity.Perplexity.CreateChatCompletionAsync(Request())),
            await Assert.ThrowsAnyAsync<ThreadsApiException>(() => agent.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Q" })),
            await Assert.ThrowsAnyAsync<ThreadsApiException>(() => aitronos.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "x", Inputs = { AitronosInput.User("Hi") } })),
        };

        Assert.All(errors, e => Assert.Equal((HttpStatusCode.BadRequest, "Invalid model 'x'."), (e.Error.StatusCode, e.Error.Message)));
        Assert.All(errors, e => Assert.IsNotType<ThreadsResponseException>(e));
    }

    [Theory]
    [InlineData("""{"request_id":"req_9","error":{"message":"overloaded","type":"server_error","code":503}}""")]
    [InlineData("""{"trace_id":"t_9","status":503,"success":false,"error":{"code":"OVERLOADED","message":"overloaded","status":503}}""")]
    public async Task An_error_envelope_whose_error_is_not_its_first_field_is_found_too(string json)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(json)));

        var perplexity = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Perplexity.CreateChatCompletionAsync(Request()));
        var aitronos = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "x", Inputs = { AitronosInput.User("Hi") } }));

        Assert.All(new[] { perplexity, aitronos }, e => Assert.Equal((HttpStatusCode.ServiceUnavailable, "overloaded"), (e.StatusCode, e.Error.Message)));
    }

    [Fact]
    public async Task An_agent_api_response_that_failed_is_a_response_with_its_error_not_an_envelope()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(ThreadClient.Tests.Perplexity.Agent.AgentLiveReplies.Failed)));

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Q" });

        Assert.Equal(("failed", "model_error"), (response.Status, response.Error!.Code));
    }
}
