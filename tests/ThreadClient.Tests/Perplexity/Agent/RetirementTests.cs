using System.Net;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>Chat completions' retirement (2026-09-27) is told apart from a bad key.</summary>
public sealed class RetirementTests
{
    public const string RetiredBody = """{"error":{"message":"Sonar is now the Agent API. Use /v1/responses instead.","type":"chat_completions_not_available","code":403}}""";
    public const string MigrationRequiredBody = """{"error":{"message":"This endpoint has moved.","type":"invalid_request_error","code":"agent_api_migration_required"}}""";

    private static async Task<ThreadsApiException> FailWith(string body, HttpStatusCode status, bool threads = true)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(body, status, ("x-request-id", "req_r")));
        using var client = RecordingHandler.CreateClient(handler);
        var request = new ChatCompletionRequest { UseThreads = threads ? true : null, Messages = { ChatMessage.User("Q") } };
        var error = await Assert.ThrowsAnyAsync<ThreadsApiException>(() => client.Perplexity.CreateChatCompletionAsync(request));
        Assert.Single(handler.Requests);
        return error;
    }

    [Theory]
    [InlineData(RetiredBody, HttpStatusCode.Forbidden)]
    [InlineData(MigrationRequiredBody, HttpStatusCode.Forbidden)]
    [InlineData(RetiredBody, HttpStatusCode.NotFound)]
    [InlineData(RetiredBody, HttpStatusCode.Gone)]
    [InlineData("""{"error":{"message":"Chat completions are gone. Use /v1/responses instead.","type":null,"code":null}}""", HttpStatusCode.Forbidden)]
    public async Task The_retirement_answer_is_an_EndpointRetiredException_naming_the_successor_and_the_option(string body, HttpStatusCode status)
    {
        var error = await FailWith(body, status);

        var retired = Assert.IsType<EndpointRetiredException>(error);
        Assert.Equal(("/chat/completions", "/v1/responses", status, "req_r"), (retired.Endpoint, retired.Successor, retired.StatusCode, retired.RequestId));
        Assert.Contains("successor is /v1/responses", retired.Message, StringComparison.Ordinal);
        Assert.Contains("ChatCompletionsRetirement", retired.Message, StringComparison.Ordinal);
        Assert.Contains("client.Perplexity.Agent", retired.Migration, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"error":{"message":"Invalid API key provided","type":"invalid_api_key","code":403}}""", HttpStatusCode.Forbidden)]
    [InlineData("""{"error":{"message":"Invalid API key provided","type":"authentication_error","code":401}}""", HttpStatusCode.Unauthorized)]
    public async Task A_genuinely_bad_key_is_still_an_authentication_error(string body, HttpStatusCode status)
    {
        var error = await FailWith(body, status, threads: false);

        Assert.IsType<ThreadsAuthenticationException>(error);
    }

    [Fact]
    public async Task A_403_whose_raw_body_only_echoes_the_route_is_not_mistaken_for_the_retirement()
    {
        // The message is what counts: a gateway page that merely contains the path is an authorization failure.
        var error = await FailWith("""{"error":{"message":"Forbidden","type":"forbidden","code":403},"docs":"see /v1/responses"}""", HttpStatusCode.Forbidden, threads: false);

        Assert.IsType<ThreadsAuthenticationException>(error);
    }
}
