using System.Net;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;
using ThreadClient.Tests.Perplexity.Agent;

namespace ThreadClient.Tests.Http;

/// <summary>The API key nowhere a caller or a log can read it: every error field, stream error frames, log lines; and bounded messages.</summary>
public sealed class SecretRedactionTests
{
    private const string Key = TestKeys.Perplexity;

    private static ChatCompletionRequest Request() => new() { Messages = { ChatMessage.User("Q") } };

    private static async Task<ThreadsApiException> FailWith(HttpResponseMessage reply)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(reply));
        return await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Perplexity.CreateChatCompletionAsync(Request()));
    }

    private static void AssertNoKey(ThreadsApiException error)
    {
        foreach (var field in new[] { error.Message, error.ToString(), error.Error.Code, error.Error.Type, error.Error.Message, error.Error.RawBody, error.Error.RequestId })
        {
            Assert.DoesNotContain(Key, field ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(Key[..12], field ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_key_echoed_in_the_code_type_and_request_id_header_is_redacted()
    {
        var reply = RecordingHandler.Json("{\"error\":{\"message\":\"bad\",\"type\":\"key " + Key + "\",\"code\":\"" + Key + "\"}}", HttpStatusCode.BadRequest, ("x-request-id", "req-" + Key));

        var error = await FailWith(reply);

        AssertNoKey(error);
        Assert.Equal(("[REDACTED]", "key [REDACTED]", "req-[REDACTED]"), (error.Error.Code, error.Error.Type, error.Error.RequestId));
    }

    [Fact]
    public async Task A_key_echoed_as_the_body_trace_id_is_redacted()
    {
        var error = await FailWith(RecordingHandler.Json("{\"error\":{\"message\":\"bad\"},\"trace_id\":\"" + Key + "\"}", HttpStatusCode.BadRequest));

        AssertNoKey(error);
    }

    [Fact]
    public async Task A_key_where_the_raw_body_is_cut_is_redacted_before_the_cut()
    {
        // The key straddles the 8 KB bound: cut first, its first characters would survive.
        var padding = new string('x', ThreadsApiError.MaxRawBodyLength - 40);
        var error = await FailWith(RecordingHandler.Json("{\"error\":{\"message\":\"" + padding + Key + new string('y', 100) + "\"}}", HttpStatusCode.BadRequest));

        AssertNoKey(error);
        Assert.EndsWith("...[truncated]", error.Error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_30000_character_service_message_gives_a_bounded_exception_message_and_keeps_the_text_in_the_bounded_raw_body()
    {
        var said = new string('m', 30_000);
        var error = await FailWith(RecordingHandler.Json("{\"error\":{\"message\":\"" + said + "\"}}", HttpStatusCode.BadRequest));

        Assert.InRange(error.Message.Length, ThreadsApiException.MaxServiceMessageLength, ThreadsApiException.MaxServiceMessageLength + 200);
        Assert.Contains("see Error.RawBody", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"error\":{\"message\":\"mmm", error.Error.RawBody, StringComparison.Ordinal);
        Assert.Equal(ThreadsApiError.MaxRawBodyLength + "...[truncated]".Length, error.Error.RawBody!.Length);
    }

    [Fact]
    public async Task A_key_in_a_stream_error_frame_is_redacted()
    {
        var body = AgentStreams.Sse(AgentStreams.Delta("Hel", 1)) + "event: error\ndata: {\"error\":{\"message\":\"key " + Key + " is over quota\",\"code\":\"" + Key + "\",\"type\":\"quota\"}}\n\n";
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(body)));

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "Q" }).ToResponseAsync());

        AssertNoKey(error);
        Assert.Equal("Hel", error.PartialText);
    }

    [Fact]
    public async Task Retry_and_give_up_log_lines_carry_the_request_id_without_the_key()
    {
        var logs = new FakeLogs();
        var options = new ThreadsClientOptions
        {
            LoggerFactory = logs,
            Perplexity = { ApiKey = Key },
            Resilience = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2), MaxRetries = 1 },
        };
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable, ("x-request-id", "req-" + Key)));
        using var client = new ThreadsClient(options, handler);

        await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("resp_1"));

        Assert.Equal(2, handler.Requests.Count);
        Assert.NotEmpty(logs.Entries);
        Assert.Contains(logs.Entries, e => e.Message.Contains("req-[REDACTED]", StringComparison.Ordinal));
        Assert.All(logs.Entries, e => Assert.DoesNotContain(Key, e.Message + e.Exception, StringComparison.Ordinal));
    }
}
