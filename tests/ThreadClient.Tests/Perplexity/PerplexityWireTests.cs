using System.Text.Json;
using ThreadClient.Perplexity;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity;

public sealed class PerplexityWireTests
{
    [Fact]
    public async Task Start_thread_request_is_the_seed_body_byte_for_byte()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Model = "sonar-pro",
            UseThreads = true,
            Messages = { ChatMessage.User("Which movie won the Cannes film festival special jury prize in 1996?") },
            Stream = false,
            WebSearchOptions = new WebSearchOptions { SearchType = "pro" },
        });

        var sent = handler.OnlyRequest;
        Assert.Equal(Json.Minify(PerplexitySeed.StartThreadRequest), sent.Body);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://api.perplexity.ai/chat/completions", sent.Uri.ToString());
        Assert.Equal("Bearer " + TestKeys.Perplexity, sent.Headers["Authorization"]);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("application/json", sent.Headers["Accept"]);
    }

    [Fact]
    public async Task Continue_thread_request_is_the_seed_body_byte_for_byte()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Model = "sonar-pro",
            UseThreads = true,
            ThreadId = PerplexitySeed.ThreadId,
            Messages = { ChatMessage.User("What else has that director made?") },
            Stream = false,
            WebSearchOptions = new WebSearchOptions { SearchType = "pro" },
        });

        Assert.Equal(Json.Minify(PerplexitySeed.ContinueThreadRequest), handler.OnlyRequest.Body);
    }

    [Fact]
    public async Task Only_fields_that_are_set_are_written()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Hi") } });

        Assert.Equal("""{"model":"sonar-pro","messages":[{"role":"user","content":"Hi"}]}""", handler.OnlyRequest.Body);
    }

    [Fact]
    public async Task Every_modelled_field_and_additional_properties_are_written_with_the_wire_names()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);
        using var schema = JsonDocument.Parse("""{"type":"object"}""");

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Model = "sonar-pro",
            UseThreads = true,
            Messages =
            {
                ChatMessage.System("Be brief."),
                ChatMessage.User(new ChatContent([ChatContentPart.FromText("What is this?"), ChatContentPart.FromImageUrl("https://example.com/a.png")])),
            },
            WebSearchOptions = new WebSearchOptions
            {
                SearchType = "auto",
                SearchContextSize = "high",
                UserLocation = new UserLocation { Latitude = 48.85, Longitude = 2.35, Country = "FR", City = "Paris" },
            },
            SearchDomainFilter = ["wikipedia.org", "-reddit.com"],
            SearchRecencyFilter = "month",
            SearchAfterDateFilter = "1/1/2025",
            SearchBeforeDateFilter = "3/1/2025",
            SearchMode = "academic",
            ReturnImages = true,
            ReturnRelatedQuestions = true,
            ResponseFormat = ResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "answer", strict: true),
            Temperature = 0.2,
            TopP = 0.9,
            TopK = 0,
            MaxTokens = 500,
            PresencePenalty = 0.5,
            FrequencyPenalty = 1,
            Stop = ["END"],
            ReasoningEffort = "low",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["disable_search"] = JsonSerializer.SerializeToElement(true, TestJson.Bool) },
        });

        const string expected = """
            {"model":"sonar-pro","use_threads":true,"messages":[{"role":"system","content":"Be brief."},
            {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}],
            "web_search_options":{"search_type":"auto","search_context_size":"high","user_location":{"latitude":48.85,"longitude":2.35,"country":"FR","city":"Paris"}},
            "search_domain_filter":["wikipedia.org","-reddit.com"],"search_recency_filter":"month","search_after_date_filter":"1/1/2025",
            "search_before_date_filter":"3/1/2025","search_mode":"academic","return_images":true,"return_related_questions":true,
            "response_format":{"type":"json_schema","json_schema":{"schema":{"type":"object"},"name":"answer","strict":true}},
            "temperature":0.2,"top_p":0.9,"top_k":0,"max_tokens":500,"presence_penalty":0.5,"frequency_penalty":1,"stop":["END"],
            "reasoning_effort":"low","disable_search":true}
            """;
        Assert.Equal(Json.Minify(expected), handler.OnlyRequest.Body);
    }

    [Fact]
    public async Task Unmodeled_fields_of_the_request_and_of_each_message_are_written_after_the_modeled_ones()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);
        var withName = ChatMessage.User("Hi");
        withName.AdditionalProperties = new Dictionary<string, JsonElement> { ["name"] = Element("\"ann\""), ["meta"] = Element("""{"n":[1,2]}""") };

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Messages = { ChatMessage.System("Be brief."), withName },
            Stream = false,
            AdditionalProperties = new Dictionary<string, JsonElement> { ["disable_search"] = Element("true") },
        });
        await client.Perplexity.StreamChatCompletionAsync(new ChatCompletionRequest { Messages = { withName }, AdditionalProperties = new Dictionary<string, JsonElement> { ["x"] = Element("null") } }).ToChatCompletionAsync();

        var sent = handler.Requests.ToArray();
        Assert.Equal(
            """{"model":"sonar-pro","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi","name":"ann","meta":{"n":[1,2]}}],"stream":false,"disable_search":true}""",
            sent[0].Body);
        Assert.Equal("""{"model":"sonar-pro","messages":[{"role":"user","content":"Hi","name":"ann","meta":{"n":[1,2]}}],"stream":true,"x":null}""", sent[1].Body);
    }

    [Fact]
    public async Task An_unmodeled_field_that_repeats_a_modeled_one_replaces_it_instead_of_being_written_twice()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);

        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
        {
            Messages = { ChatMessage.User("Hi") },
            MaxTokens = 10,
            AdditionalProperties = new Dictionary<string, JsonElement> { ["max_tokens"] = Element("20") },
        });

        Assert.Equal("""{"model":"sonar-pro","messages":[{"role":"user","content":"Hi"}],"max_tokens":20}""", handler.OnlyRequest.Body);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"choices\":[{\"message\":\"text\"}]}")]
    public async Task A_reply_that_is_not_a_completion_object_is_an_unreadable_reply_with_its_body(string body)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(body));
        using var client = RecordingHandler.CreateClient(handler);

        var ex = await Assert.ThrowsAsync<ThreadsResponseException>(() => client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Hi") } }));
        Assert.Equal(("unreadable_reply", System.Net.HttpStatusCode.OK, body), (ex.ErrorCode, ex.StatusCode, ex.Error.RawBody));
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task Seed_reply_is_read_with_text_thread_id_and_usage()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(PerplexitySeed.StartThreadReply));
        using var client = RecordingHandler.CreateClient(handler);

        var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { UseThreads = true, Messages = { ChatMessage.User("Q") } });

        Assert.Equal(PerplexitySeed.ThreadId, reply.ThreadId);
        Assert.StartsWith("The movie that won the Cannes Film Festival Special Jury Prize in 1996 was \"Breaking the Waves\"", reply.Content, StringComparison.Ordinal);
        Assert.Equal("12345678-1234-1234-1234-123456789012", reply.Id);
        Assert.Equal("chat.completion", reply.ObjectType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1641234567), reply.CreatedAt);
        Assert.Equal("stop", reply.Choices[0].FinishReason);
        Assert.Equal("assistant", reply.Choices[0].Message!.Role);
        Assert.Equal((45, 128, 173), (reply.Usage!.PromptTokens, reply.Usage.CompletionTokens, reply.Usage.TotalTokens));
        Assert.Null(reply.AdditionalProperties);
    }

    [Fact]
    public async Task Full_reply_keeps_citations_search_results_cost_images_and_unknown_fields()
    {
        const string body = """
            {"id":"r1","object":"chat.completion","created":1,"model":"sonar-pro",
             "choices":[{"index":0,"message":{"role":"assistant","content":"A [1]","reasoning":"why"},"finish_reason":"stop","logprobs":null}],
             "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3,"citation_tokens":4,"num_search_queries":1,
                      "reasoning_tokens":5,"search_context_size":"low",
                      "cost":{"input_tokens_cost":0.001,"output_tokens_cost":0.002,"request_cost":0.005,"total_cost":0.008,"search_queries_cost":0.0}},
             "citations":["https://a.example","https://b.example"],
             "search_results":[{"title":"A","url":"https://a.example","date":"2024-01-01","last_updated":"2024-02-01","snippet":"s","source":"web"}],
             "related_questions":["Next?"],
             "images":[{"image_url":"https://i.example/1.png","origin_url":"https://a.example","height":10,"width":20}],
             "thread_id":"3947452d-7cc0-48b3-afe7-d053c1083b78",
             "new_field":{"x":1}}
            """;
        var handler = new RecordingHandler(RecordingHandler.Json(body));
        using var client = RecordingHandler.CreateClient(handler);

        var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });

        Assert.Equal(["https://a.example", "https://b.example"], reply.Citations);
        var result = Assert.Single(reply.SearchResults!);
        Assert.Equal(("A", "https://a.example", "2024-01-01", "2024-02-01", "s"), (result.Title, result.Url, result.Date, result.LastUpdated, result.Snippet));
        Assert.Equal("web", result.AdditionalProperties!["source"].GetString());
        Assert.Equal(["Next?"], reply.RelatedQuestions);
        Assert.Equal(JsonValueKind.Array, reply.Images!.Value.ValueKind);
        Assert.Equal("https://i.example/1.png", reply.Images.Value[0].GetProperty("image_url").GetString());
        Assert.Equal((4, 1, 5, "low"), (reply.Usage!.CitationTokens, reply.Usage.NumSearchQueries, reply.Usage.ReasoningTokens, reply.Usage.SearchContextSize));
        Assert.Equal((0.001, 0.002, 0.005, 0.008), (reply.Usage.Cost!.InputTokensCost, reply.Usage.Cost.OutputTokensCost, reply.Usage.Cost.RequestCost, reply.Usage.Cost.TotalCost));
        Assert.True(reply.Usage.Cost.AdditionalProperties!.ContainsKey("search_queries_cost"));
        Assert.Equal(1, reply.AdditionalProperties!["new_field"].GetProperty("x").GetInt32());
        Assert.Equal("why", reply.Choices[0].Message!.AdditionalProperties!["reasoning"].GetString());
        Assert.True(reply.Choices[0].AdditionalProperties!.ContainsKey("logprobs"));
        Assert.Equal("A [1]", reply.Content);
    }

    [Fact]
    public async Task The_callers_request_is_never_modified()
    {
        var handler = new RecordingHandler(RecordingHandler.EventStream("data: {\"choices\":[]}\n\ndata: [DONE]\n\n"));
        using var client = RecordingHandler.CreateClient(handler);
        var request = new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } };

        await client.Perplexity.StreamChatCompletionAsync(request).ToChatCompletionAsync();

        Assert.Null(request.Stream);
        Assert.Equal("""{"model":"sonar-pro","messages":[{"role":"user","content":"Q"}],"stream":true}""", handler.OnlyRequest.Body);
        Assert.Equal("text/event-stream", handler.OnlyRequest.Headers["Accept"]);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
