using System.Net;
using System.Text.Json;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>The Agent API's requests byte for byte, and its replies read in full.</summary>
public sealed class AgentWireTests
{
    internal const string MinimalReply = """{"id":"resp_1","object":"response","created_at":1767225600,"model":"perplexity/sonar","status":"completed","output":[{"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Hi.","annotations":[]}]}]}""";

    [Fact]
    public async Task A_string_input_is_sent_as_a_string_with_only_the_fields_set_to_v1_responses()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(MinimalReply));
        using var client = RecordingHandler.CreateClient(handler);

        var reply = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Model = "perplexity/sonar", Input = "What is new in .NET 10?" });

        var request = handler.OnlyRequest;
        Assert.Equal((HttpMethod.Post, "https://api.perplexity.ai/v1/responses"), (request.Method, request.Uri.AbsoluteUri));
        Assert.Equal("""{"input":"What is new in .NET 10?","model":"perplexity/sonar"}""", request.Body);
        Assert.Equal("Bearer " + TestKeys.Perplexity, request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Equal("Hi.", reply.OutputText);
    }

    [Fact]
    public async Task Every_request_field_and_input_item_type_is_written_as_the_official_sdk_types_name_it()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(MinimalReply));
        using var client = RecordingHandler.CreateClient(handler);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}}}""");
        using var parameters = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""");
        using var extra = JsonDocument.Parse("""{"mode":"x"}""");

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest
        {
            Input = new AgentInput(
            [
                AgentInputItem.System("Be brief."),
                AgentInputItem.Developer("Cite sources."),
                AgentInputItem.User("Weather in Paris?"),
                AgentInputItem.Assistant("Let me check."),
                new AgentInputMessage(AgentRole.User, [AgentContentPart.InputText("And this?"), AgentContentPart.InputImage("https://example.com/a.png")]),
                new AgentInputFunctionCall { CallId = "call_1", Name = "weather", Arguments = """{"city":"Paris"}""", ThoughtSignature = "sig" },
                new AgentInputFunctionCallOutput { CallId = "call_1", Name = "weather", Output = """{"temp":21}""" },
            ]),
            Instructions = "You are a travel agent.",
            Model = "openai/gpt-5.5",
            Models = ["openai/gpt-5.5", "perplexity/sonar"],
            Preset = "pro-search",
            PreviousResponseId = "resp_0",
            Store = true,
            Background = false,
            MaxOutputTokens = 500,
            MaxSteps = 4,
            Reasoning = new AgentReasoning { Effort = "high" },
            ResponseFormat = AgentResponseFormat.ForJsonSchema("answer", schema.RootElement.Clone(), strict: true),
            Tools =
            [
                new WebSearchTool
                {
                    Filters = new WebSearchFilters { SearchDomainFilter = ["wikipedia.org"], SearchRecencyFilter = "week", SearchAfterDateFilter = "1/1/2026", SearchBeforeDateFilter = "2/1/2026", LastUpdatedAfterFilter = "1/2/2026", LastUpdatedBeforeFilter = "2/2/2026" },
                    MaxTokens = 1000,
                    MaxTokensPerPage = 200,
                    SearchContextSize = "high",
                    UserLocation = new WebSearchUserLocation { City = "Paris", Country = "FR", Latitude = 48.85, Longitude = 2.35, Region = "IDF" },
                },
                new FetchUrlTool { MaxUrls = 3 },
                new FunctionTool { Name = "weather", Description = "Current weather", Parameters = parameters.RootElement.Clone(), Strict = true },
                AgentTool.OfType("people_search"),
                AgentTool.FromJson("""{"type":"mcp","server_label":"docs","server_url":"https://mcp.example.com"}"""),
            ],
            LanguagePreference = "fr",
            AdditionalProperties = new Dictionary<string, JsonElement> { ["skills"] = JsonDocument.Parse("""[{"type":"builtin","name":"office"}]""").RootElement.Clone(), ["preset"] = JsonDocument.Parse("\"fast\"").RootElement.Clone() },
        });

        Assert.Equal(
            Json.Minify("""
            {
              "input": [
                {"type":"message","role":"system","content":"Be brief."},
                {"type":"message","role":"developer","content":"Cite sources."},
                {"type":"message","role":"user","content":"Weather in Paris?"},
                {"type":"message","role":"assistant","content":"Let me check."},
                {"type":"message","role":"user","content":[{"type":"input_text","text":"And this?"},{"type":"input_image","image_url":"https://example.com/a.png"}]},
                {"type":"function_call","call_id":"call_1","name":"weather","arguments":"{\"city\":\"Paris\"}","thought_signature":"sig"},
                {"type":"function_call_output","call_id":"call_1","name":"weather","output":"{\"temp\":21}"}
              ],
              "instructions": "You are a travel agent.",
              "model": "openai/gpt-5.5",
              "models": ["openai/gpt-5.5","perplexity/sonar"],
              "preset": "fast",
              "previous_response_id": "resp_0",
              "store": true,
              "background": false,
              "max_output_tokens": 500,
              "max_steps": 4,
              "reasoning": {"effort":"high"},
              "response_format": {"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object","properties":{"answer":{"type":"string"}}},"strict":true}},
              "tools": [
                {"type":"web_search","filters":{"search_domain_filter":["wikipedia.org"],"search_recency_filter":"week","search_after_date_filter":"1/1/2026","search_before_date_filter":"2/1/2026","last_updated_after_filter":"1/2/2026","last_updated_before_filter":"2/2/2026"},"max_tokens":1000,"max_tokens_per_page":200,"search_context_size":"high","user_location":{"city":"Paris","region":"IDF","country":"FR","latitude":48.85,"longitude":2.35}},
                {"type":"fetch_url","max_urls":3},
                {"type":"function","name":"weather","description":"Current weather","parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true},
                {"type":"people_search"},
                {"type":"mcp","server_label":"docs","server_url":"https://mcp.example.com"}
              ],
              "language_preference": "fr",
              "skills": [{"type":"builtin","name":"office"}]
            }
            """),
            handler.OnlyRequest.Body);
    }

    [Theory]
    [InlineData("empty string")]
    [InlineData("no items")]
    [InlineData("null item")]
    [InlineData("six models")]
    [InlineData("bad role")]
    [InlineData("stream")]
    [InlineData("zero max tokens")]
    public async Task A_request_that_breaks_a_known_rule_is_refused_before_anything_is_sent(string rule)
    {
        var handler = new RecordingHandler(RecordingHandler.Json(MinimalReply));
        using var client = RecordingHandler.CreateClient(handler);
        var request = rule switch
        {
            "empty string" => new AgentRequest { Input = "" },
            "no items" => new AgentRequest(),
            "null item" => new AgentRequest { Input = new AgentInput([null!]) },
            "six models" => new AgentRequest { Input = "q", Models = ["a/1", "a/2", "a/3", "a/4", "a/5", "a/6"] },
            "bad role" => new AgentRequest { Input = new AgentInput([new AgentInputMessage("tool", "x")]) },
            "stream" => new AgentRequest { Input = "q", Stream = true },
            _ => new AgentRequest { Input = "q", MaxOutputTokens = 0 },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.Agent.CreateResponseAsync(request));

        Assert.Equal("request", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Six_fallback_models_name_the_limit()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(MinimalReply)));
        var error = Assert.Throws<ArgumentException>(() => client.Perplexity.Agent.StreamResponseAsync(new AgentRequest { Input = "q", Models = ["a/1", "a/2", "a/3", "a/4", "a/5", "a/6"] }));
        Assert.Contains("at most 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_output_item_type_is_read_and_unknown_kinds_and_fields_are_kept()
    {
        const string body = """
        {
          "id":"resp_9","object":"response","created_at":1767225600,"model":"perplexity/sonar","status":"completed",
          "previous_response_id":"resp_8","store":true,"background":false,"brand_new":{"x":1},
          "output":[
            {"type":"search_results","queries":["paris weather"],"results":[{"id":1,"title":"Météo","url":"https://meteo.example/paris","snippet":"Sunny","date":"2026-11-30","last_updated":"2026-12-01","source":"web","rank":3}]},
            {"type":"fetch_url_results","contents":[{"url":"https://meteo.example/paris/today","title":"Today","snippet":"21 C"}]},
            {"status":"completed","type":"function_call","id":"fc_1","call_id":"call_1","name":"weather","arguments":"{\"city\":\"Paris\"}","thought_signature":"sig"},
            {"type":"mcp_call","id":"mcp_1","server_label":"docs","output":"ok"},
            {"type":"unknown","item_name":"future_tool","payload":{"a":1}},
            {"type":"message","id":"msg_1","role":"assistant","status":"completed","content":[
              {"type":"output_text","text":"It is sunny ","annotations":[{"type":"url_citation","url":"https://meteo.example/paris","title":"Météo","start_index":0,"end_index":11}]},
              {"type":"output_text","text":"and 21 C.","annotations":[{"type":"url_citation","url":"https://meteo.example/paris/today","start_index":12.0,"end_index":21}]}
            ]},
            {"type":"message","id":"msg_2","role":"assistant","status":"completed","content":[{"type":"output_text","text":" Enjoy!"}]}
          ],
          "usage":{"input_tokens":45.0,"output_tokens":"12","total_tokens":57,"input_tokens_details":{"cache_creation_input_tokens":3,"cache_read_input_tokens":40},
                   "cost":{"input_cost":0.0001,"output_cost":0.0002,"tool_calls_cost":0.005,"cache_read_cost":0.00001,"total_cost":0.00531,"currency":"USD"},
                   "tool_calls_details":{"web_search":{"invocation":2}}}
        }
        """;
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(body)));

        var reply = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        Assert.Equal(("resp_9", "response", "perplexity/sonar", "completed", "resp_8", true, false), (reply.Id, reply.ObjectType, reply.Model, reply.Status, reply.PreviousResponseId, reply.Store, reply.Background));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), reply.CreatedAt);
        Assert.Equal("It is sunny and 21 C. Enjoy!", reply.OutputText);
        Assert.Equal(["search_results", "fetch_url_results", "function_call", "mcp_call", "unknown", "message", "message"], reply.Output.Select(i => i.Type));
        var search = Assert.IsType<AgentOutputSearchResults>(reply.Output[0]);
        Assert.Equal(["paris weather"], search.Queries);
        var result = Assert.Single(search.Results!);
        Assert.Equal((1L, "Météo", "https://meteo.example/paris", "Sunny", "2026-11-30", "2026-12-01", "web"), (result.Id!.Value, result.Title, result.Url, result.Snippet, result.Date, result.LastUpdated, result.Source));
        Assert.Equal(3, result.AdditionalProperties!["rank"].GetInt32());
        Assert.Equal("21 C", Assert.Single(Assert.IsType<AgentOutputFetchUrlResults>(reply.Output[1]).Contents!).Snippet);
        var call = Assert.IsType<AgentOutputFunctionCall>(reply.Output[2]);
        Assert.Equal(("fc_1", "call_1", "weather", """{"city":"Paris"}""", "completed", "sig"), (call.Id, call.CallId, call.Name, call.Arguments, call.Status, call.ThoughtSignature));
        Assert.Same(call, Assert.Single(reply.FunctionCalls));
        Assert.Equal("docs", Assert.IsType<AgentOutputRaw>(reply.Output[3]).Json.GetProperty("server_label").GetString());
        Assert.Equal("future_tool", Assert.IsType<AgentOutputRaw>(reply.Output[4]).Json.GetProperty("item_name").GetString());
        var annotation = Assert.IsType<AgentOutputMessage>(reply.Output[5]).Content![1].Annotations![0];
        Assert.Equal((12L, 21L), (annotation.StartIndex!.Value, annotation.EndIndex!.Value));
        Assert.Equal(
            ["https://meteo.example/paris", "https://meteo.example/paris/today"],
            reply.Sources.Select(s => s.Url));
        Assert.Equal("Sunny", reply.Sources[0].Snippet);
        Assert.Equal("https://meteo.example/paris", Assert.Single(reply.SearchResults).Url);
        var usage = reply.Usage!;
        Assert.Equal((45L, 12L, 57L, 3L, 40L), (usage.InputTokens!.Value, usage.OutputTokens!.Value, usage.TotalTokens!.Value, usage.InputTokensDetails!.CacheCreationInputTokens!.Value, usage.InputTokensDetails.CacheReadInputTokens!.Value));
        Assert.Equal((0.0001, 0.0002, 0.005, 0.00001, 0.00531, "USD"), (usage.Cost!.InputCost!.Value, usage.Cost.OutputCost!.Value, usage.Cost.ToolCallsCost!.Value, usage.Cost.CacheReadCost!.Value, usage.Cost.TotalCost!.Value, usage.Cost.Currency));
        Assert.Equal(2L, usage.ToolCallsDetails!["web_search"].Invocation);
        Assert.Equal(1, reply.AdditionalProperties!["brand_new"].GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task A_failed_response_with_nulls_everywhere_reads_its_error()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(
            """{"id":"resp_2","object":"response","created_at":null,"model":null,"status":"failed","output":[],"usage":null,"error":{"code":429,"message":"Upstream busy","type":null}}""")));

        var reply = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        Assert.Equal(("failed", "429", "Upstream busy", ""), (reply.Status, reply.Error!.Code, reply.Error.Message, reply.OutputText));
        Assert.Null(reply.CreatedAt);
    }

    [Fact]
    public async Task Get_and_cancel_address_the_response_by_id()
    {
        var handler = new RecordingHandler((request, _) => request.Method == HttpMethod.Get
            ? RecordingHandler.Json(MinimalReply)
            : RecordingHandler.Json("""{"response_id":"resp_1","status":"cancelling"}"""));
        using var client = RecordingHandler.CreateClient(handler);

        var got = await client.Perplexity.Agent.GetResponseAsync("resp_1");
        var cancelled = await client.Perplexity.Agent.CancelResponseAsync("resp/1");

        Assert.Equal("Hi.", got.OutputText);
        Assert.Equal(("resp_1", "cancelling"), (cancelled.ResponseId, cancelled.Status));
        Assert.Equal(
            ["GET https://api.perplexity.ai/v1/responses/resp_1", "POST https://api.perplexity.ai/v1/responses/resp%2F1/cancel"],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsoluteUri}"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.Agent.GetResponseAsync(" "));
    }

    [Fact]
    public async Task The_alias_route_is_an_option()
    {
        var handler = new RecordingHandler(RecordingHandler.Json(MinimalReply));
        using var client = RecordingHandler.CreateClient(handler, o => o.Perplexity.AgentPath = "v1/agent");

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        Assert.Equal("https://api.perplexity.ai/v1/agent", handler.OnlyRequest.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/v1/agent")]
    [InlineData("https://elsewhere.example/v1/agent")]
    public void An_agent_path_that_is_not_relative_is_refused_when_the_client_is_built(string path)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(MinimalReply)), o => o.Perplexity.AgentPath = path));

        Assert.Equal("ThreadsClientOptions.Perplexity.AgentPath", error.ParamName);
    }

    [Fact]
    public async Task A_fastapi_422_is_an_api_exception_with_the_detail_and_the_request_id()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(
            """{"detail":[{"loc":["body","input"],"msg":"Field required","type":"missing"}]}""", (HttpStatusCode)422, ("x-request-id", "req_42"))));

        var error = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" }));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "req_42"), (error.StatusCode, error.RequestId));
        Assert.Contains("Field required", error.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, """{"error":{"message":"Response resp_0 not found","type":"not_found_error"}}""")]
    [InlineData(400, """{"error":{"message":"Invalid previous_response_id","type":"invalid_request_error"}}""")]
    public async Task A_rejected_previous_response_id_is_a_previous_response_unavailable_exception(int status, string body)
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler((_, _) => RecordingHandler.Json(body, (HttpStatusCode)status)));

        await Assert.ThrowsAsync<PreviousResponseUnavailableException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q", PreviousResponseId = "resp_0" }));
        var plain = await Assert.ThrowsAsync<ThreadsApiException>(() => client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" }));
        Assert.IsNotType<PreviousResponseUnavailableException>(plain);
    }

    [Fact]
    public async Task Modelled_fields_such_as_the_item_type_are_not_also_kept_as_unknown_fields()
    {
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.Json(MinimalReply)));

        var reply = await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q" });

        var message = Assert.IsType<AgentOutputMessage>(Assert.Single(reply.Output));
        Assert.Null(message.AdditionalProperties);
        Assert.Null(message.Content![0].AdditionalProperties);
        Assert.Null(reply.AdditionalProperties);
    }

    [Fact]
    public void Output_models_can_be_built_in_tests_of_calling_code()
    {
        var response = new AgentResponse
        {
            Output = [new AgentOutputMessage { Content = [new AgentOutputContent { Type = "output_text", Text = "a" }, new AgentOutputContent { Type = "refusal", Text = "no" }] }, new AgentOutputMessage { Content = [new AgentOutputContent { Text = "b" }] }],
        };

        Assert.Equal("ab", response.OutputText);
    }
}
