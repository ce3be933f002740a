using System.Net;
using System.Text.Json;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Serialization;

/// <summary>The one reading approach (field tables): tolerance of WIRE.md's drift, and a model's JSON written back as it is read.</summary>
public sealed class WireReadingTests
{
    private static async Task<AgentResponse> ReadAsync(string json)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(json));
        using var client = RecordingHandler.CreateClient(handler);
        return await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "Q" });
    }

    [Fact]
    public async Task Counts_costs_and_flags_are_read_however_the_service_writes_them()
    {
        var reply = await ReadAsync("""
            {"id":5,"status":"completed","store":"true","background":false,"created_at":"1767225600",
             "usage":{"input_tokens":45.0,"output_tokens":"128","total_tokens":173,"cost":{"total_cost":"0.5","input_cost":0.25,"currency":"USD"}},
             "output":[{"type":"search_results","results":[{"id":"3","title":7}]}]}
            """);

        Assert.Equal("5", reply.Id);
        Assert.True(reply.Store);
        Assert.False(reply.Background);
        Assert.Equal(1767225600, reply.CreatedAtUnix);
        Assert.Equal((45L, 128L, 173L), (reply.Usage!.InputTokens!.Value, reply.Usage.OutputTokens!.Value, reply.Usage.TotalTokens!.Value));
        Assert.Equal((0.5, 0.25, "USD"), (reply.Usage.Cost!.TotalCost!.Value, reply.Usage.Cost.InputCost!.Value, reply.Usage.Cost.Currency));
        var result = Assert.Single(reply.SearchResults);
        Assert.Equal((3L, "7"), (result.Id!.Value, result.Title));
    }

    [Fact]
    public async Task A_value_of_the_wrong_json_type_reads_as_absent_and_the_rest_of_the_reply_is_kept()
    {
        var reply = await ReadAsync("""
            {"id":"resp_1","usage":"none","store":{"x":1},"created_at":[1],"error":7,
             "output":[null,{"type":"message","content":{"not":"a list"}},{"type":"message","content":[null,{"type":"output_text","text":"Hi.","annotations":"no"}]}]}
            """);

        Assert.Equal("resp_1", reply.Id);
        Assert.Null(reply.Usage);
        Assert.Null(reply.Store);
        Assert.Null(reply.CreatedAtUnix);
        Assert.Null(reply.Error);
        Assert.Equal(2, reply.Output.Count);
        Assert.Null(((AgentOutputMessage)reply.Output[0]).Content);
        Assert.Equal("Hi.", reply.OutputText);
        Assert.Null(((AgentOutputMessage)reply.Output[1]).Content![0].Annotations);
    }

    [Fact]
    public async Task Fields_are_matched_in_any_order_with_escaped_names_and_a_repeated_field_keeps_its_last_value()
    {
        var reply = await ReadAsync("""
            {"usage":{"total_tokens":3},"output":[{"content":[{"text":"Hi.","type":"output_text"}],"type":"message"}],"status":"in_progress","\u0069d":"resp_1","status":"completed"}
            """);

        Assert.Equal(("resp_1", "completed", 3L), (reply.Id, reply.Status, reply.Usage!.TotalTokens!.Value));
        Assert.Equal("Hi.", reply.OutputText);
        Assert.Null(reply.AdditionalProperties);
    }

    [Fact]
    public async Task Unknown_fields_are_kept_on_every_level_as_they_came()
    {
        var reply = await ReadAsync("""
            {"id":"resp_1","safety_identifier":"u","output":[{"type":"message","phase":2,"content":[{"type":"output_text","text":"Hi.","logprobs":[]}]}],"usage":{"cost":{"tax":0.1},"reasoning_tokens":4}}
            """);

        Assert.Equal("u", reply.AdditionalProperties!["safety_identifier"].GetString());
        var message = (AgentOutputMessage)reply.Output[0];
        Assert.Equal(2, message.AdditionalProperties!["phase"].GetInt32());
        Assert.Equal("[]", message.Content![0].AdditionalProperties!["logprobs"].GetRawText());
        Assert.Equal(4, reply.Usage!.AdditionalProperties!["reasoning_tokens"].GetInt32());
        Assert.Equal(0.1, reply.Usage.Cost!.AdditionalProperties!["tax"].GetDouble());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"resp\"")]
    [InlineData("{\"id\":\"resp_1\"} {\"id\":\"resp_2\"}")]
    [InlineData("{\"id\":\"resp_1\"")]
    public async Task A_reply_that_is_not_one_json_object_is_a_response_exception_with_the_status_and_body(string body)
    {
        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => ReadAsync(body));

        Assert.Equal(HttpStatusCode.OK, error.Error.StatusCode);
        Assert.Equal("Perplexity", error.Error.Provider);
        Assert.Equal(body, error.Error.RawBody);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task A_response_serialized_by_the_caller_has_the_wire_names_and_reads_back_the_same()
    {
        const string Wire = """{"id":"resp_1","object":"response","created_at":1767225600,"model":"perplexity/sonar","status":"completed","output":[{"type":"search_results","queries":["q"],"results":[{"id":1,"title":"T","url":"https://a.example/"}]},{"type":"message","id":"msg_1","role":"assistant","content":[{"type":"output_text","text":"Hi.","annotations":[{"type":"url_citation","url":"https://a.example/","start_index":0,"end_index":3}]}]},{"type":"mcp_call","server":"s"}],"store":true,"usage":{"input_tokens":1,"output_tokens":2,"total_tokens":3,"cost":{"total_cost":0.5,"currency":"USD"},"tool_calls_details":{"web_search":{"invocation":2}}},"service_tier":"fast"}""";
        var reply = await ReadAsync(Wire);

        var written = JsonSerializer.Serialize(reply);
        var again = JsonSerializer.Deserialize<AgentResponse>(written)!;

        Assert.Equal(Wire, written);
        Assert.Equal(("Hi.", 2L, "s"), (again.OutputText, again.Usage!.ToolCallsDetails!["web_search"].Invocation!.Value, ((AgentOutputRaw)again.Output[2]).Json.GetProperty("server").GetString()));
    }
}
