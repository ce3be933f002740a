using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosErrorTests
{
    private static async Task<ThreadsApiException> FailWith(AitronosResponseRequest request, HttpResponseMessage reply)
    {
        var handler = new RecordingHandler(reply);
        using var client = RecordingHandler.CreateClient(handler);
        return await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Aitronos.CreateResponseAsync(request));
    }

    private static AitronosResponseRequest OnThread() => new() { Model = "m", Thread = "th_1", Inputs = { AitronosInput.User("x") } };

    private static AitronosResponseRequest Chained() => new() { Model = "m", PreviousResponseId = "resp_1", Inputs = { AitronosInput.User("x") } };

    [Fact]
    public async Task Not_found_on_a_thread_is_ThreadNotFound_with_the_envelope_read()
    {
        var ex = await FailWith(OnThread(), RecordingHandler.Json(
            """{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"Thread deleted","type":"not_found","status":404,"details":{},"trace_id":"tr_1"}}""",
            HttpStatusCode.NotFound));

        Assert.IsType<ThreadNotFoundException>(ex);
        Assert.Equal(("THREAD_NOT_FOUND", "not_found", "Thread deleted", "tr_1"), (ex.ErrorCode, ex.Error.Type, ex.Error.Message, ex.RequestId));
        Assert.Equal("Aitronos", ex.Error.Provider);
    }

    [Fact]
    public async Task Header_request_id_wins_over_trace_id()
    {
        var ex = await FailWith(OnThread(), RecordingHandler.Json(
            """{"success":false,"error":{"code":"X","message":"m","trace_id":"tr_1"}}""", HttpStatusCode.InternalServerError, ("x-request-id", "req_7")));

        Assert.Equal("req_7", ex.RequestId);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"success":false,"error":{"code":"RESPONSE_NOT_FOUND","message":"gone"}}""")]
    [InlineData(HttpStatusCode.BadRequest, """{"success":false,"error":{"code":"PREVIOUS_RESPONSE_EXPIRED","message":"older than 24h"}}""")]
    public async Task Rejected_previous_response_is_PreviousResponseUnavailable(HttpStatusCode status, string body)
    {
        var ex = await FailWith(Chained(), RecordingHandler.Json(body, status));

        Assert.IsType<PreviousResponseUnavailableException>(ex);
        Assert.IsAssignableFrom<ThreadGoneException>(ex);
    }

    [Fact]
    public async Task Legacy_title_message_envelope_is_read()
    {
        var ex = await FailWith(OnThread(), RecordingHandler.Json("""{"title":"Bad Request","message":"inputs missing"}""", HttpStatusCode.BadRequest));

        Assert.Equal(("Bad Request", "inputs missing"), (ex.Error.Type, ex.Error.Message));
    }

    [Fact]
    public async Task Rate_limit_and_authentication_map_to_their_exceptions()
    {
        var limited = await FailWith(OnThread(), RecordingHandler.Json("""{"success":false,"error":{"code":"RATE_LIMIT"}}""", HttpStatusCode.TooManyRequests, ("Retry-After", "3")));
        var unauthorized = await FailWith(OnThread(), RecordingHandler.Json("""{"success":false,"error":{"code":"INVALID_API_KEY","message":"bad key freddy-TESTKEY-fedcba9876543210"}}""", HttpStatusCode.Unauthorized));

        Assert.IsType<RateLimitedException>(limited);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.RetryAfter);
        Assert.IsType<ThreadsAuthenticationException>(unauthorized);
        Assert.DoesNotContain(TestKeys.Aitronos, unauthorized.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Aitronos, unauthorized.Error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Route_not_found_is_EndpointRetired_naming_the_endpoint()
    {
        var ex = await FailWith(OnThread(), RecordingHandler.Json("""{"detail":"Not Found"}""", HttpStatusCode.NotFound));

        Assert.Equal("/v1/model/response", Assert.IsType<EndpointRetiredException>(ex).Endpoint);
    }

    [Fact]
    public async Task Not_found_on_get_thread_is_ThreadNotFound()
    {
        var handler = new RecordingHandler(RecordingHandler.Json("""{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"no"}}""", HttpStatusCode.NotFound));
        using var client = RecordingHandler.CreateClient(handler);

        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.GetAsync("th_x"));
    }
}
