using System.Net;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ThreadClient.Tests.Http;

/// <summary>
/// The transport and the error mapping against a scripted HTTP server (WireMock.Net) on 127.0.0.1: exact
/// request matching (a request the script does not expect gets WireMock's 404 and fails the test) and
/// scripted fault sequences, over real sockets. The emulator stays for stateful flows.
/// </summary>
public sealed class ScriptedServerTests : ScriptedServer
{
    [Fact]
    public async Task A_seed_request_is_sent_exactly_as_documented_with_its_key_and_read_back()
    {
        Server.Given(Request.Create().WithPath("/chat/completions").UsingPost()
                .WithHeader("Authorization", "Bearer " + TestKeys.Perplexity)
                .WithHeader("Content-Type", "application/json", MatchBehaviour.AcceptOnMatch)
                .WithBody(new JsonMatcher("""{"model":"sonar-pro","messages":[{"role":"user","content":"What is the capital of France?"}],"use_threads":true}""")))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                """{"id":"c1","model":"sonar-pro","thread_id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}]}"""));
        using var client = Client();

        var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { ChatMessage.User("What is the capital of France?") } });

        Assert.Equal(("Paris.", "7c9e6679-7425-40de-944b-e07fc1f90ae7"), (reply.Content, reply.ThreadId));
        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task A_scripted_503_then_429_then_200_is_retried_twice_honouring_retry_after()
    {
        var get = Request.Create().WithPath("/v1/threads/th_1").UsingGet().WithHeader("X-API-Key", TestKeys.Aitronos);
        Server.Given(get).InScenario("flaky").WillSetStateTo("busy")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"success":false,"error":{"code":"UNAVAILABLE","message":"try later"}}"""));
        Server.Given(get).InScenario("flaky").WhenStateIs("busy").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody("""{"success":false,"error":{"code":"RATE_LIMITED","message":"slow"}}"""));
        Server.Given(get).InScenario("flaky").WhenStateIs("ok")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"id":"th_1","object":"thread","state":"open"}"""));
        using var client = Client();

        var thread = await client.Aitronos.Threads.GetAsync("th_1");

        Assert.Equal(("th_1", ThreadLifecycleState.Open), (thread.Id, thread.State));
        Assert.Equal([503, 429, 200], Server.LogEntries.Select(e => e.ResponseMessage.StatusCode is { } code ? Convert.ToInt32(code, System.Globalization.CultureInfo.InvariantCulture) : 200));
    }

    [Fact]
    public async Task A_paid_post_is_not_repeated_after_a_500_and_the_error_is_mapped_with_its_request_id()
    {
        Server.Given(Request.Create().WithPath("/v1/model/response").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("x-request-id", "req-77").WithBody("""{"success":false,"error":{"code":"INTERNAL","message":"boom","type":"server_error","status":500}}"""));
        using var client = Client();

        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Inputs = { AitronosInput.User("hi") } }));

        Assert.Equal((HttpStatusCode.InternalServerError, "INTERNAL", "req-77"), (error.StatusCode, error.ErrorCode, error.RequestId));
        Assert.Single(Server.LogEntries);
    }

    [Theory]
    [InlineData(404, """{"success":false,"error":{"code":"THREAD_NOT_FOUND","message":"Thread not found."}}""", typeof(ThreadNotFoundException))]
    [InlineData(409, """{"success":false,"error":{"code":"THREAD_LOCKED","message":"locked"}}""", typeof(ThreadNotWritableException))]
    [InlineData(401, """{"success":false,"error":{"code":"UNAUTHORIZED","message":"bad key"}}""", typeof(ThreadsAuthenticationException))]
    public async Task Aitronos_error_envelopes_map_to_their_exceptions_over_real_http(int status, string body, Type expected)
    {
        Server.Given(Request.Create().WithPath("/v1/model/response").UsingPost().WithBody(new JsonPartialMatcher("""{"thread":"th_9"}""")))
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body));
        using var client = Client();

        var error = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "ftg-3.0", Thread = "th_9", Inputs = { AitronosInput.User("hi") } }));

        Assert.IsType(expected, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }
}
