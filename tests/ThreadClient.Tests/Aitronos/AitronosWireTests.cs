using ThreadClient.Aitronos;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Aitronos;

public sealed class AitronosWireTests
{
    private const string Reply = """{"id":"resp_1","thread_id":"thread_user123_session1","output":[{"type":"message","role":"assistant","content":[{"type":"output_text","text":"Hi"}]}]}""";

    private static async Task<RecordedRequest> SendAsync(AitronosResponseRequest request, Action<ThreadsClientOptions>? configure = null)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(Reply));
        using var client = RecordingHandler.CreateClient(handler, configure);
        await client.Aitronos.CreateResponseAsync(request);
        return handler.OnlyRequest;
    }

    [Fact]
    public async Task Plain_thread_id_is_the_seed_body_with_the_api_key_header()
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            Model = "gpt-4.1",
            Thread = "thread_user123_session1",
            Inputs = { AitronosInput.User("Hello, I need help with Python") },
        });

        Assert.Equal(Json.Minify(AitronosSeed.PlainThreadId), sent.Body);
        Assert.Equal("https://api.aitronos.com/v1/model/response", sent.Uri.ToString());
        Assert.Equal(TestKeys.Aitronos, sent.Headers["X-API-Key"]);
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.Equal("application/json", sent.ContentType);
    }

    [Fact]
    public async Task Thread_with_metadata_is_the_seed_object_form()
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            Model = "gpt-4.1",
            Thread = ThreadReference.WithMetadata("thread_user123_session1", new ThreadMetadata { ["userId"] = "user_123", ["sessionId"] = "sess_456", ["topic"] = "python_help" }),
            Inputs = { AitronosInput.User("Hello, I need help with Python") },
        });

        Assert.Equal(Json.Minify(AitronosSeed.ThreadWithMetadata), sent.Body);
    }

    [Fact]
    public async Task Thread_state_locked_is_the_seed_body()
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            Model = "gpt-4.1",
            Thread = "thread_abc123",
            ThreadState = ThreadLifecycleState.Locked,
            Inputs = { AitronosInput.User("Hello, I need help with Python") },
        });

        Assert.Equal(Json.Minify(AitronosSeed.LockWithThreadState), sent.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Store_with_organization_id_is_the_seed_body(bool store)
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            OrganizationId = "org_abc123",
            Model = store ? "ftg-3.0" : "ftg-3.0-speed",
            Store = store,
            Inputs = { AitronosInput.User(store ? "Hello" : "Generate a title for this conversation") },
        });

        Assert.Equal(Json.Minify(store ? AitronosSeed.StoreTrue : AitronosSeed.StoreFalse), sent.Body);
    }

    [Fact]
    public async Task Previous_response_chain_is_the_seed_bodies()
    {
        var first = await SendAsync(new AitronosResponseRequest { Model = "gpt-4.1", Inputs = { AitronosInput.User("Hello") } });
        var second = await SendAsync(new AitronosResponseRequest { Model = "gpt-4.1", PreviousResponseId = "resp_1", Inputs = { AitronosInput.User("Tell me more") } });

        Assert.Equal(Json.Minify(AitronosSeed.AsJson(AitronosSeed.ChainFirst)), first.Body);
        Assert.Equal(Json.Minify(AitronosSeed.AsJson(AitronosSeed.ChainSecond)), second.Body);
    }

    [Fact]
    public async Task System_and_user_inputs_are_the_seed_body()
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            Model = "gpt-4.1",
            Thread = "onboarding_u1",
            Inputs =
            {
                AitronosInput.System("You are helping a user through an onboarding process. Current step: profile"),
                AitronosInput.User("What next?"),
            },
        });

        Assert.Equal(Json.Minify(AitronosSeed.AsJson(AitronosSeed.SystemAndUser)), sent.Body);
    }

    [Fact]
    public async Task Snake_case_naming_spells_the_compound_fields_the_newer_way()
    {
        var locked = await SendAsync(
            new AitronosResponseRequest { Model = "m", Thread = "t", ThreadState = ThreadLifecycleState.Locked, Inputs = { AitronosInput.User("x") } },
            o => o.Aitronos.FieldNaming = AitronosFieldNaming.SnakeCase);
        var chained = await SendAsync(
            new AitronosResponseRequest { Model = "m", PreviousResponseId = "resp_1", Inputs = { AitronosInput.User("x") } },
            o => o.Aitronos.FieldNaming = AitronosFieldNaming.SnakeCase);

        Assert.Equal("""{"model":"m","thread":"t","thread_state":"locked","inputs":[{"role":"user","texts":[{"text":"x"}]}]}""", locked.Body);
        Assert.Equal("""{"model":"m","previous_response_id":"resp_1","inputs":[{"role":"user","texts":[{"text":"x"}]}]}""", chained.Body);
    }

    [Fact]
    public async Task Additional_properties_are_written_after_the_modelled_fields()
    {
        var sent = await SendAsync(new AitronosResponseRequest
        {
            Model = "m",
            Inputs = { AitronosInput.User("x") },
            AdditionalProperties = new Dictionary<string, System.Text.Json.JsonElement> { ["temperature"] = System.Text.Json.JsonDocument.Parse("0.3").RootElement },
        });

        Assert.Equal("""{"model":"m","inputs":[{"role":"user","texts":[{"text":"x"}]}],"temperature":0.3}""", sent.Body);
    }

    [Fact]
    public async Task An_additional_property_that_repeats_a_modelled_field_replaces_it_as_on_perplexity()
    {
        var extras = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["model"] = System.Text.Json.JsonDocument.Parse("\"ftg-3.0-speed\"").RootElement,
            ["store"] = System.Text.Json.JsonDocument.Parse("false").RootElement,
        };
        var sent = await SendAsync(new AitronosResponseRequest { Model = "m", Store = true, Inputs = { AitronosInput.User("x") }, AdditionalProperties = extras });

        Assert.Equal("""{"inputs":[{"role":"user","texts":[{"text":"x"}]}],"model":"ftg-3.0-speed","store":false}""", sent.Body);
    }

    [Fact]
    public async Task Bearer_token_replaces_the_api_key_header()
    {
        var sent = await SendAsync(
            new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("x") } },
            o => o.Aitronos.BearerToken = "user-token-1");

        Assert.Equal("Bearer user-token-1", sent.Headers["Authorization"]);
        Assert.False(sent.Headers.ContainsKey("X-API-Key"));
    }

    [Fact]
    public async Task Thread_requests_are_the_seed_bodies()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json("""{"id":"thread_67cc8901","state":"open"}"""));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Aitronos.Threads.CreateAsync(new ThreadMetadata { ["userId"] = "user_123", ["purpose"] = "support_chat" });
        await client.Aitronos.Threads.UpdateMetadataAsync("thread_67cc8901", new ThreadMetadata { ["status"] = "resolved", ["rating"] = 5 });
        await client.Aitronos.Threads.ArchiveAsync("thread_abc123");
        await client.Aitronos.Threads.GetAsync("thread_67cc8901");
        await client.Aitronos.Threads.ListMessagesPageAsync("thread_67cc8901");

        var sent = handler.Requests.ToArray();
        Assert.Equal((HttpMethod.Post, "https://api.aitronos.com/v1/threads", Json.Minify(AitronosSeed.CreateThread)), (sent[0].Method, sent[0].Uri.ToString(), sent[0].Body));
        Assert.Equal((HttpMethod.Patch, "https://api.aitronos.com/v1/threads/thread_67cc8901", Json.Minify(AitronosSeed.UpdateMetadata)), (sent[1].Method, sent[1].Uri.ToString(), sent[1].Body));
        Assert.Equal((HttpMethod.Patch, "https://api.aitronos.com/v1/threads/thread_abc123", Json.Minify(AitronosSeed.Archive)), (sent[2].Method, sent[2].Uri.ToString(), sent[2].Body));
        Assert.Equal((HttpMethod.Get, "https://api.aitronos.com/v1/threads/thread_67cc8901", ""), (sent[3].Method, sent[3].Uri.ToString(), sent[3].Body));
        Assert.Equal((HttpMethod.Get, "https://api.aitronos.com/v1/threads/thread_67cc8901/messages"), (sent[4].Method, sent[4].Uri.ToString()));
        Assert.All(sent, r => Assert.Equal(TestKeys.Aitronos, r.Headers["X-API-Key"]));
    }

    [Fact]
    public async Task Thread_ids_are_escaped_in_paths_and_list_queries_carry_every_option()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json("""{"data":[],"has_more":false}"""));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Aitronos.Threads.ListMessagesPageAsync("a/b c", new ListOptions { Limit = 5, Order = "desc", After = "m_1", Before = "m_9" });
        await client.Aitronos.Threads.ListPageAsync(new ListThreadsOptions { VisibleInUi = false });

        var sent = handler.Requests.ToArray();
        Assert.Equal("/v1/threads/a%2Fb%20c/messages?limit=5&order=desc&after=m_1&before=m_9", sent[0].Uri.PathAndQuery);
        Assert.Equal("/v1/threads?visible_in_ui=false", sent[1].Uri.PathAndQuery);
    }
}
