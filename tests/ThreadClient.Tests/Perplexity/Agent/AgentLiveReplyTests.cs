using System.Net;
using System.Text.Json;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>Every answer the live Agent API gave (WIRE.md §4), over a real socket: read right, mapped right, nothing lost.</summary>
public sealed class AgentLiveReplyTests : ScriptedServer
{
    private void Answer(string path, int status, string body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    [Theory]
    [MemberData(nameof(AgentLiveReplies.Responses), MemberType = typeof(AgentLiveReplies))]
    public async Task Every_live_reply_shape_serializes_back_to_what_came_nested_fields_included(string shape, string body)
    {
        Answer("/v1/responses", 200, body);
        using var client = Client();

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        Assert.True(response.Id is not null, shape);
        Assert.Equal(Json.Canonical(body), Json.Canonical(JsonSerializer.Serialize(response)));
    }

    [Fact]
    public async Task The_nested_usage_fields_of_a_live_reply_are_typed()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.Completed);
        using var client = Client();

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        var usage = response.Usage!;
        Assert.Equal((9344L, 5750L, 3516L, 3516L), (usage.InputTokens, usage.InputTokensDetails!.CacheCreationInputTokens, usage.InputTokensDetails.CacheReadInputTokens, usage.InputTokensDetails.CachedTokens));
        Assert.Equal(0L, usage.OutputTokensDetails!.ReasoningTokens);
        Assert.Equal((1L, 0.005), (usage.ToolCallsDetails!["web_search"].Invocation, usage.ToolCallsDetails["web_search"].CostUsd));
        Assert.Equal((0.00575, 0.000352, "USD"), (usage.Cost!.CacheCreationCost, usage.Cost.CacheReadCost, usage.Cost.Currency));
        Assert.True(usage.Cost.AdditionalProperties!.ContainsKey("tool_calls_cost_details"));
        Assert.Equal(("pck_3f9a", "default", "T-1"), (response.PromptCacheKey, response.ServiceTier, response.Metadata!["ticket"]));
        Assert.Equal(1760000012L, response.CompletedAtUnix);
        Assert.Equal("disabled", response.AdditionalProperties!["truncation"].GetString());
        Assert.Equal(0.92, response.SearchResults[0].AdditionalProperties!["score"].GetDouble());
    }

    [Fact]
    public async Task The_live_400_invalid_request_on_a_chained_request_is_previous_response_unavailable()
    {
        Answer("/v1/responses", 400, AgentLiveReplies.InvalidRequest, ("x-request-id", "req_9"));
        using var client = Client();

        var chained = await Assert.ThrowsAsync<PreviousResponseUnavailableException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q", PreviousResponseId = "resp_gone" }));
        var plain = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" }));

        Assert.Equal((HttpStatusCode.BadRequest, "400", "invalid_request", "req_9"), (chained.StatusCode, chained.ErrorCode, chained.Error.Type, chained.RequestId));
        Assert.IsNotType<PreviousResponseUnavailableException>(plain);
        Assert.Equal(2, Server.LogEntries.Count);
    }

    [Theory]
    [InlineData(AgentLiveReplies.ValidationFailed)]
    [InlineData(AgentLiveReplies.UnknownField)]
    public async Task A_validation_400_on_a_chained_request_is_the_callers_mistake_not_a_gone_response(string body)
    {
        Answer("/v1/responses", 400, body);
        using var client = Client();

        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q", PreviousResponseId = "resp_1" }));

        Assert.IsNotType<PreviousResponseUnavailableException>(error);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_400_keeps_the_param_it_names()
    {
        Answer("/v1/responses", 400, AgentLiveReplies.UnknownField);
        using var client = Client();

        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" }));

        Assert.Equal(("text", "unknown field \"text\"", "400"), (error.Error.Param, error.Error.Message, error.ErrorCode));
    }

    [Theory]
    [InlineData(404, AgentLiveReplies.NotFound, "not_found")]
    [InlineData(400, AgentLiveReplies.InvalidResponseId, "invalid_request")]
    public async Task A_get_of_an_unknown_or_malformed_id_is_an_api_exception_with_the_services_type(int status, string body, string type)
    {
        Answer("/v1/responses/resp_x", status, body);
        using var client = Client();

        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("resp_x"));

        Assert.Equal(((HttpStatusCode)status, type, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), (error.StatusCode, error.Error.Type, error.ErrorCode));
    }

    [Fact]
    public async Task Perplexitys_rate_limit_headers_are_typed_on_a_result_and_on_an_exception()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.Completed, AgentLiveReplies.RateLimitHeaders);
        Answer("/v1/responses/resp_x", 404, AgentLiveReplies.NotFound, AgentLiveReplies.RateLimitHeaders);
        using var client = Client();
        var expected = new ThreadsRateLimits { Limit = 50, Remaining = 49, Reset = DateTimeOffset.FromUnixTimeSeconds(1760000060), Used = 1 };

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });
        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.GetResponseAsync("resp_x"));

        Assert.Equal(expected, response.GetRawResponse()!.RateLimits);
        Assert.Equal(expected, error.RateLimits);
        Assert.Equal("req_live_1", error.RequestId);
    }

    [Fact]
    public async Task A_cut_off_reply_names_its_reason_and_the_status_values_are_kept()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.IncompleteWithText);
        using var client = Client();

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q", MaxOutputTokens = 16 });

        Assert.Equal((AgentResponseStatus.Incomplete, true, AgentIncompleteDetails.MaxOutputTokens), (response.Status, response.IsIncomplete, response.IncompleteDetails!.Reason));
        Assert.Equal("The 1996 Special Jury Prize went to", response.OutputText);
    }

    [Theory]
    [InlineData(AgentLiveReplies.Failed, "failed", "model_error")]
    [InlineData(AgentLiveReplies.Cancelled, "cancelled", "cancelled")]
    public async Task A_direct_call_answered_failed_or_cancelled_returns_the_response_with_its_error(string body, string status, string code)
    {
        Answer("/v1/responses", 200, body);
        using var client = Client();

        var response = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        Assert.Equal((status, code), (response.Status, response.Error!.Code));
    }

    [Fact]
    public async Task A_session_turn_cut_off_with_text_is_recorded_and_says_it_was_cut_off_and_why()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.IncompleteWithText);
        using var client = Client();
        var session = client.Perplexity.Agent.StartSession();

        var reply = await session.SendAsync("Who won?");

        Assert.Equal((true, AgentIncompleteDetails.MaxOutputTokens), (reply.IsCutOff, reply.CutOffReason));
        Assert.Equal("The 1996 Special Jury Prize went to", reply.Text);
        Assert.Equal(["user:Who won?", "assistant:The 1996 Special Jury Prize went to"], session.Record.Transcript!.Select(m => m.Role + ":" + m.Text));
    }

    [Fact]
    public async Task A_session_turn_cut_off_before_any_text_names_the_reason_and_the_setting_and_records_nothing()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.IncompleteEmpty);
        using var client = Client();
        var session = client.Perplexity.Agent.StartSession();
        var before = session.Record;

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.SendAsync("Explain everything."));

        Assert.Equal(AgentIncompleteDetails.MaxOutputTokens, error.ErrorCode);
        Assert.Contains("MaxOutputTokens", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no text and no error", error.Message, StringComparison.Ordinal);
        Assert.Same(before, session.Record);
    }

    [Fact]
    public async Task A_migrated_thread_turn_cut_off_on_the_agent_api_reads_as_finish_reason_length()
    {
        Answer("/v1/responses", 200, AgentLiveReplies.IncompleteWithText);
        using var client = Client();
        client.Perplexity.RememberChatCompletionsRetired();
        var session = client.Perplexity.StartSession();

        var reply = await session.SendAsync("Who won?");

        Assert.Equal((true, AgentIncompleteDetails.MaxOutputTokens, "length"), (reply.IsCutOff, reply.CutOffReason, reply.Reply.Choices[0].FinishReason));
    }

    [Theory]
    [InlineData(AgentLiveReplies.Failed, "model_error", "the model failed to produce a response")]
    [InlineData(AgentLiveReplies.Cancelled, "cancelled", "cancelled")]
    public async Task A_session_turn_answered_failed_or_cancelled_raises_the_services_code_and_message(string body, string code, string message)
    {
        Answer("/v1/responses", 200, body);
        using var client = Client();
        var session = client.Perplexity.Agent.StartSession();

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => session.SendAsync("q"));

        Assert.Equal((code, message), (error.ErrorCode, error.Error.Message));
        Assert.Equal(0, session.Record.TurnCount);
    }

    [Fact]
    public async Task A_previous_response_session_falls_back_to_replay_once_on_the_live_400()
    {
        var replies = new Queue<(int, string)>([(200, AgentLiveReplies.Completed), (400, AgentLiveReplies.InvalidRequest), (200, AgentLiveReplies.Completed)]);
        Server.Given(Request.Create().WithPath("/v1/responses")).RespondWith(Response.Create().WithCallback(_ =>
        {
            var (status, body) = replies.Dequeue();
            return new WireMock.ResponseMessage { StatusCode = status, BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String }, Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") } };
        }));
        using var client = Client();
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse });
        await session.SendAsync("q1");

        var second = await session.SendAsync("q2");

        Assert.Equal((ThreadReplacementReason.PreviousResponseUnavailable, "resp_0a1b2c"), (second.Replacement!.Reason, second.Replacement.OldConversationId));
        var sent = Server.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal("resp_0a1b2c", sent[1].GetProperty("previous_response_id").GetString());
        Assert.False(sent[2].TryGetProperty("previous_response_id", out _));
        Assert.Equal(3, sent[2].GetProperty("input").GetArrayLength());
    }
}
