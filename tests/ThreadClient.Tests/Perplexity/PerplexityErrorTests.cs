using System.Net;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

public sealed class PerplexityErrorTests
{
    private static ChatCompletionRequest Plain() => new() { Messages = { ChatMessage.User("Q") } };

    private static ChatCompletionRequest Threaded() => new() { UseThreads = true, Messages = { ChatMessage.User("Q") } };

    private static ChatCompletionRequest Continued() => new() { UseThreads = true, ThreadId = PerplexitySeed.ThreadId, Messages = { ChatMessage.User("Q") } };

    private static async Task<ThreadsApiException> FailWith(ChatCompletionRequest request, HttpResponseMessage reply)
    {
        var handler = new RecordingHandler(reply);
        using var client = RecordingHandler.CreateClient(handler);
        var ex = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Perplexity.CreateChatCompletionAsync(request));
        Assert.Single(handler.Requests);
        return ex;
    }

    [Fact]
    public async Task Not_found_on_a_thread_is_ThreadNotFound_with_every_detail()
    {
        var ex = await FailWith(Continued(), RecordingHandler.Json(
            """{"error":{"message":"Thread not found","type":"not_found_error","code":404}}""",
            HttpStatusCode.NotFound,
            ("x-request-id", "req_42")));

        var gone = Assert.IsType<ThreadNotFoundException>(ex);
        Assert.IsAssignableFrom<ThreadGoneException>(gone);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("404", gone.ErrorCode);
        Assert.Equal("not_found_error", gone.Error.Type);
        Assert.Equal("Thread not found", gone.Error.Message);
        Assert.Equal("req_42", gone.RequestId);
        Assert.Equal("Perplexity", gone.Error.Provider);
        Assert.Contains("\"Thread not found\"", gone.Error.RawBody, StringComparison.Ordinal);
        Assert.Contains("Perplexity returned 404 (NotFound)", gone.Message, StringComparison.Ordinal);
        Assert.Contains("req_42", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_request_naming_thread_id_is_InvalidThreadId()
    {
        var ex = await FailWith(Continued(), RecordingHandler.Json(
            """{"error":{"message":"Invalid thread_id provided","type":"invalid_request_error","code":"invalid_thread"}}""", HttpStatusCode.BadRequest));

        Assert.IsType<InvalidThreadIdException>(ex);
        Assert.Equal("invalid_thread", ex.ErrorCode);
    }

    [Fact]
    public async Task Bad_request_about_something_else_is_the_base_exception()
    {
        var ex = await FailWith(Continued(), RecordingHandler.Json(
            """{"error":{"message":"max_tokens too large","type":"invalid_request_error","code":null}}""", HttpStatusCode.BadRequest));

        Assert.Equal(typeof(ThreadsApiException), ex.GetType());
        Assert.Null(ex.ErrorCode);
        Assert.Equal("invalid_request_error", ex.Error.Type);
    }

    [Fact]
    public async Task Unauthorized_with_use_threads_is_ThreadingUnavailable()
    {
        var ex = await FailWith(Threaded(), RecordingHandler.Json(
            """{"error":{"message":"Threads are not enabled for this account","type":"unauthorized","code":401}}""", HttpStatusCode.Unauthorized));

        Assert.IsType<ThreadingUnavailableException>(ex);
        Assert.IsAssignableFrom<ThreadsAuthenticationException>(ex);
    }

    [Fact]
    public async Task Unauthorized_with_use_threads_but_about_the_key_is_an_authentication_failure()
    {
        var ex = await FailWith(Threaded(), RecordingHandler.Json(
            """{"error":{"message":"Invalid API key provided","type":"unauthorized","code":401}}""", HttpStatusCode.Unauthorized));

        Assert.Equal(typeof(ThreadsAuthenticationException), ex.GetType());
    }

    [Fact]
    public async Task Unauthorized_html_from_a_gateway_is_an_authentication_failure_even_with_threads()
    {
        var reply = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("<html><body>401 Authorization Required</body></html>") };

        var ex = await FailWith(Threaded(), reply);

        Assert.Equal(typeof(ThreadsAuthenticationException), ex.GetType());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Unauthorized_or_forbidden_without_threads_is_an_authentication_failure(HttpStatusCode status)
    {
        var ex = await FailWith(Plain(), RecordingHandler.Json("""{"error":{"message":"nope","type":"unauthorized","code":401}}""", status));

        Assert.Equal(typeof(ThreadsAuthenticationException), ex.GetType());
        Assert.Equal(status, ex.StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_is_RateLimited_with_retry_after()
    {
        var ex = await FailWith(Plain(), RecordingHandler.Json(
            """{"error":{"message":"Rate limit","type":"rate_limit_exceeded","code":429}}""", HttpStatusCode.TooManyRequests, ("Retry-After", "7")));

        Assert.IsType<RateLimitedException>(ex);
        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.Contains("wait 7 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_ms_wins_over_retry_after()
    {
        var ex = await FailWith(Plain(), RecordingHandler.Json("{}", HttpStatusCode.TooManyRequests, ("Retry-After", "7"), ("retry-after-ms", "250")));

        Assert.Equal(TimeSpan.FromMilliseconds(250), ex.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.Gone, true)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task Gone_or_not_found_on_the_endpoint_is_EndpointRetired(HttpStatusCode status, bool withThread)
    {
        var ex = await FailWith(withThread ? Continued() : Plain(), RecordingHandler.Json("""{"detail":"Not Found"}""", status));

        var retired = Assert.IsType<EndpointRetiredException>(ex);
        Assert.Equal("/chat/completions", retired.Endpoint);
        Assert.Contains("not served any more", retired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_not_found_with_a_thread_id_is_still_EndpointRetired()
    {
        var ex = await FailWith(Continued(), RecordingHandler.Json("""{"detail":"Not Found"}""", HttpStatusCode.NotFound));

        Assert.IsType<EndpointRetiredException>(ex);
    }

    [Fact]
    public async Task FastApi_validation_detail_list_becomes_the_message()
    {
        var ex = await FailWith(Plain(), RecordingHandler.Json(
            """{"detail":[{"loc":["body","messages",0,"role"],"msg":"value is not a valid enumeration member","type":"type_error.enum"}]}""",
            HttpStatusCode.UnprocessableEntity));

        Assert.Equal("body.messages.0.role: value is not a valid enumeration member", ex.Error.Message);
        Assert.Equal("type_error.enum", ex.Error.Type);
    }

    [Fact]
    public async Task Non_json_error_body_keeps_status_and_raw_text()
    {
        var reply = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream exploded") };

        var ex = await FailWith(Plain(), reply);

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal("upstream exploded", ex.Error.RawBody);
        Assert.Equal("upstream exploded", ex.Error.Message);
    }

    [Fact]
    public async Task Raw_body_is_bounded()
    {
        var huge = "{\"error\":{\"message\":\"" + new string('x', 50_000) + "\"}}";

        var ex = await FailWith(Plain(), RecordingHandler.Json(huge, HttpStatusCode.InternalServerError));

        Assert.Equal(ThreadsApiError.MaxRawBodyLength + "...[truncated]".Length, ex.Error.RawBody!.Length);
        Assert.EndsWith("...[truncated]", ex.Error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_echoed_api_key_is_redacted_from_message_and_body()
    {
        var ex = await FailWith(Plain(), RecordingHandler.Json(
            "{\"error\":{\"message\":\"Invalid key " + TestKeys.Perplexity + "\",\"type\":\"unauthorized\"}}", HttpStatusCode.Unauthorized));

        Assert.DoesNotContain(TestKeys.Perplexity, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Perplexity, ex.Error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Perplexity, ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", ex.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_response_is_disposed()
    {
        var tracker = new TrackingContent.Tracker();
        var reply = new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new TrackingContent("{}"u8.ToArray(), "application/json", tracker) };

        await FailWith(Plain(), reply);

        Assert.Equal(1, tracker.Disposed);
    }
}
