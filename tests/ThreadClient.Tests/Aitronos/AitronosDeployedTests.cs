using System.Text.Json;
using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

/// <summary>The deployed Freddy API (WIRE.md §5, the fourth generation: <c>freddy-api.aitronos.ch</c>), from a user's notes against the live service.</summary>
public sealed class AitronosDeployedTests
{
    /// <summary>A reply without <c>stream</c>: the stream's events as a JSON array, as the notes record it.</summary>
    internal const string EventArray = """
        [{"event":"response.created","status":"in_progress","type":"text","threadId":356082},
         {"event":"response.in_progress","status":"in_progress","type":"text","threadId":356082},
         {"event":"response.output_text.delta","response":"Hi","type":"text","threadId":356082},
         {"event":"response.output_text.delta","response":" there","type":"text","threadId":356082},
         {"event":"response.completed","status":"completed","response":"Hi there, how can I help?","type":"text","time":"1650 ms","threadId":356082,"isDocument":false,"userMessageId":385056,"responseMessageId":385057,"annotations":[]}]
        """;

    private static void Deployed(ThreadsClientOptions options)
    {
        options.Aitronos.BaseAddress = new Uri("https://freddy-api.aitronos.ch/");
        options.Aitronos.ApiKeyHeader = "Api-Key";
        options.Aitronos.FieldNaming = AitronosFieldNaming.SnakeCase;
        options.Aitronos.ThreadField = AitronosThreadField.ThreadId;
    }

    [Fact]
    public async Task The_key_goes_in_the_configured_header_and_the_seeds_by_default()
    {
        var deployed = new RecordingHandler((_, _) => RecordingHandler.Json(EventArray));
        var seed = new RecordingHandler((_, _) => RecordingHandler.Json("""{"id":"r1","output_text":"Hi"}"""));
        using (var client = RecordingHandler.CreateClient(deployed, Deployed))
        {
            await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });
        }

        using (var client = RecordingHandler.CreateClient(seed))
        {
            await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });
        }

        Assert.Equal(TestKeys.Aitronos, deployed.OnlyRequest.Headers["Api-Key"]);
        Assert.False(deployed.OnlyRequest.Headers.ContainsKey("X-API-Key"));
        Assert.Equal("https://freddy-api.aitronos.ch/v1/model/response", deployed.OnlyRequest.Uri.AbsoluteUri);
        Assert.Equal(TestKeys.Aitronos, seed.OnlyRequest.Headers["X-API-Key"]);
        Assert.False(seed.OnlyRequest.Headers.ContainsKey("Api-Key"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Api Key")]
    [InlineData("Api-Key:")]
    public void A_key_header_that_is_not_a_header_name_is_refused_naming_the_setting(string header)
    {
        var options = new ThreadsClientOptions();
        options.Aitronos.ApiKey = TestKeys.Aitronos;
        options.Aitronos.ApiKeyHeader = header;

        var error = Assert.Throws<ArgumentException>(() => new ThreadsClient(options));

        Assert.Equal("ThreadsClientOptions.Aitronos.ApiKeyHeader", error.ParamName);
    }

    [Fact]
    public async Task The_request_fields_of_the_deployed_generation_are_written_as_it_takes_them()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(EventArray));
        using var client = RecordingHandler.CreateClient(handler, Deployed);

        await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest
        {
            OrganizationId = "org_1",
            AssistantId = "asst_7",
            Model = "gpt-4o",
            Thread = "356082",
            Inputs = { AitronosInput.User("Hi") },
            MessageTypeId = 1,
            Tools = new AitronosTools { WebSearch = true, FileSearch = false },
            ToolChoice = "web_search",
        });

        Assert.Equal(
            """{"organization_id":"org_1","model":"gpt-4o","assistant_id":"asst_7","thread_id":"356082","inputs":[{"role":"user","texts":[{"text":"Hi"}]}],"message_type_id":1,"tools":{"web_search":{"is_enabled":true},"file_search":{"is_enabled":false}},"tool_choice":"web_search"}""",
            handler.OnlyRequest.Body);
    }

    [Fact]
    public async Task A_reply_that_is_an_array_of_events_is_folded_into_one_response()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(EventArray)), Deployed);

        var reply = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });

        Assert.Equal(("Hi there, how can I help?", "356082", "completed"), (reply.OutputText, reply.ThreadId, reply.Status));
        Assert.Equal(385057, reply.AdditionalProperties!["responseMessageId"].GetInt32());
    }

    [Fact]
    public async Task A_success_envelope_around_the_events_is_folded_too_not_read_as_an_empty_answer()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json("""{"success":true,"data":""" + EventArray + "}")), Deployed);

        var reply = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });

        Assert.Equal(("Hi there, how can I help?", "356082"), (reply.OutputText, reply.ThreadId));
    }

    [Fact]
    public async Task Events_whose_completed_event_has_no_text_give_the_joined_deltas()
    {
        const string body = """[{"event":"response.output_text.delta","response":"Hel","type":"text"},{"event":"response.output_text.delta","response":"lo","type":"text"},{"event":"response.completed","status":"completed","threadId":7}]""";
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(body)), Deployed);

        var reply = await client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } });

        Assert.Equal(("Hello", "7"), (reply.OutputText, reply.ThreadId));
    }

    [Theory]
    [InlineData("""[{"event":"response.created","status":"in_progress"},{"event":"response.output_text.delta","response":"Hi","type":"text"}]""", "unreadable_reply")]
    [InlineData("""{"success":true,"data":[{"event":"response.output_text.delta","response":"Hi"}]}""", "unreadable_reply")]
    public async Task Events_that_never_complete_are_not_an_answer(string body, string code)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(body)), Deployed);

        var error = await Assert.ThrowsAsync<ThreadsResponseException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } }));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(body, error.Error.RawBody);
    }

    [Fact]
    public async Task An_error_event_among_the_events_raises_the_services_error_with_the_text_before_it()
    {
        const string body = """[{"event":"response.output_text.delta","response":"Hi","type":"text"},{"event":"response.error","error":{"code":"MODEL_UNAVAILABLE","message":"model is down"}}]""";
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(body)), Deployed);

        var error = await Assert.ThrowsAsync<ThreadsStreamException>(() => client.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "gpt-4o", Inputs = { AitronosInput.User("Hi") } }));

        Assert.Equal(("MODEL_UNAVAILABLE", "model is down", "Hi"), (error.ErrorCode, error.Error.Message, error.PartialText));
    }

    [Fact]
    public async Task A_session_adopts_the_numeric_thread_and_continues_on_it_with_thread_id()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(EventArray));
        using var client = RecordingHandler.CreateClient(handler, Deployed);
        var session = client.Aitronos.ResumeSession("356082", new AitronosSessionOptions { Model = "gpt-4o" });

        var first = await session.SendAsync("Hi");
        var second = await session.SendAsync("And then?");

        Assert.Equal(("Hi there, how can I help?", "356082"), (first.Text, second.ConversationId));
        var bodies = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(bodies, b => Assert.Equal("356082", b.GetProperty("thread_id").GetString()));
        Assert.All(bodies, b => Assert.False(b.TryGetProperty("thread", out _)));
    }
}
