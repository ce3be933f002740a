namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>
/// What Perplexity's Agent API answered on 2026-10-09 (WIRE.md §4, "What the live service answers"). The
/// error bodies are the recorded ones, byte for byte; the response bodies carry every field the service
/// echoes, in the order and with the nulls it sends them, around the parts each case is about.
/// </summary>
internal static class AgentLiveReplies
{
    /// <summary>An unknown, malformed, in-progress or cancelled <c>previous_response_id</c>.</summary>
    public const string InvalidRequest = """{"error":{"message":"invalid request","type":"invalid_request","code":400}}""";

    /// <summary>A <c>GET</c> of an unknown or <c>store: false</c> response.</summary>
    public const string NotFound = """{"error":{"message":"resource not found","type":"not_found","code":404}}""";

    /// <summary>A <c>GET</c> of a malformed response id.</summary>
    public const string InvalidResponseId = """{"error":{"message":"invalid response id","type":"invalid_request","code":400}}""";

    /// <summary>A request that fails validation (here: empty input).</summary>
    public const string ValidationFailed = """{"error":{"message":"validation failed: input must not be empty","type":"invalid_request","code":400}}""";

    /// <summary>A request with a field the service does not know.</summary>
    public const string UnknownField = """{"error":{"message":"unknown field \"text\"","type":"invalid_request","param":"text","code":400}}""";

    /// <summary>Cancelling a run that is not running.</summary>
    public const string AlreadyTerminal = """{"error":{"message":"the run is already terminal and cannot be cancelled","type":"invalid_request","code":400}}""";

    /// <summary>Retired Sonar chat completions.</summary>
    public const string ChatCompletionsRetired = """{"error":{"message":"Sonar is now the Agent API. Use /v1/responses instead of /v1/sonar. Migrate here: https://docs.perplexity.ai/docs/agent-api/migrate-from-sonar/overview","type":"chat_completions_not_available","code":403}}""";

    /// <summary>Rate limited.</summary>
    public const string RateLimited = """{"error":{"message":"rate limit exceeded","type":"request_rate_limit_exceeded","code":429}}""";

    /// <summary>The rate-limit headers of every reply (tier 0: 50 a minute).</summary>
    public static readonly (string Name, string Value)[] RateLimitHeaders =
        [("x-request-id", "req_live_1"), ("x-ratelimit-limit", "50"), ("x-ratelimit-remaining", "49"), ("x-ratelimit-reset", "1760000060"), ("x-ratelimit-used", "1")];

    /// <summary>A completed answer with a search, citations, cache tokens, reasoning tokens and tool costs.</summary>
    public const string Completed = """
        {"background":false,"completed_at":1760000012,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_0a1b2c","incomplete_details":null,"instructions":"Be brief.","max_output_tokens":null,"max_tool_calls":null,"metadata":{"ticket":"T-1"},"model":"perplexity/sonar","object":"response","output":[{"type":"search_results","queries":["cannes 1996 jury prize"],"results":[{"id":1,"title":"Festival de Cannes 1996","url":"https://en.wikipedia.org/wiki/1996_Cannes_Film_Festival","snippet":"Special Jury Prize: Crash.","date":"2026-01-04","last_updated":"2026-09-30","source":"web","score":0.92}],"status":"completed"},{"type":"message","id":"msg_0a1b2c","role":"assistant","status":"completed","content":[{"type":"output_text","text":"Crash, by David Cronenberg.","annotations":[{"type":"url_citation","url":"https://en.wikipedia.org/wiki/1996_Cannes_Film_Festival","title":"Festival de Cannes 1996","start_index":0,"end_index":5,"source_id":1}],"logprobs":[]}]}],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":"pck_3f9a","reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"completed","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[{"type":"web_search","max_results":5}],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":{"input_tokens":9344,"input_tokens_details":{"cache_creation_input_tokens":5750,"cache_read_input_tokens":3516,"cached_tokens":3516},"output_tokens":9,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":9353,"cost":{"currency":"USD","input_cost":0.000078,"output_cost":0.000009,"cache_creation_cost":0.00575,"cache_read_cost":0.000352,"tool_calls_cost":0.005,"tool_calls_cost_details":{"web_search":0.005},"total_cost":0.011189},"tool_calls_details":{"web_search":{"invocation":1,"cost_usd":0.005}}}}
        """;

    /// <summary><c>max_output_tokens</c> reached with part of the answer.</summary>
    public const string IncompleteWithText = """
        {"background":false,"completed_at":1760000004,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_inc1","incomplete_details":{"reason":"max_output_tokens"},"instructions":null,"max_output_tokens":16,"max_tool_calls":null,"metadata":{},"model":"perplexity/sonar","object":"response","output":[{"type":"message","id":"msg_inc1","role":"assistant","status":"incomplete","content":[{"type":"output_text","text":"The 1996 Special Jury Prize went to","annotations":[],"logprobs":[]}]}],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"incomplete","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":{"input_tokens":21,"input_tokens_details":{"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cached_tokens":0},"output_tokens":16,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":37,"cost":{"currency":"USD","input_cost":0.000021,"output_cost":0.000016,"tool_calls_cost":0,"total_cost":0.000037},"tool_calls_details":{}}}
        """;

    /// <summary><c>max_output_tokens</c> reached before any text: the output is empty.</summary>
    public const string IncompleteEmpty = """
        {"background":false,"completed_at":1760000003,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_inc2","incomplete_details":{"reason":"max_output_tokens"},"instructions":null,"max_output_tokens":1,"max_tool_calls":null,"metadata":{},"model":"openai/gpt-5.5","object":"response","output":[],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":"high","summary":null},"safety_identifier":null,"service_tier":"default","status":"incomplete","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":{"input_tokens":21,"input_tokens_details":{"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cached_tokens":0},"output_tokens":1,"output_tokens_details":{"reasoning_tokens":1},"total_tokens":22,"cost":{"currency":"USD","input_cost":0.000026,"output_cost":0.00001,"tool_calls_cost":0,"total_cost":0.000036},"tool_calls_details":{}}}
        """;

    /// <summary>A background run cancelled, then polled.</summary>
    public const string Cancelled = """
        {"background":true,"completed_at":null,"created_at":1760000000,"error":{"code":"cancelled","message":"cancelled","type":"cancelled"},"frequency_penalty":0,"id":"resp_bg1","incomplete_details":{"reason":"cancelled"},"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"metadata":{},"model":"perplexity/sonar","object":"response","output":[{"type":"message","id":"msg_bg1","role":"assistant","status":"incomplete","content":[{"type":"output_text","text":"Partial","annotations":[],"logprobs":[]}]}],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"cancelled","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":null}
        """;

    /// <summary>A background run polled while it is cancelling.</summary>
    public const string Cancelling = """
        {"background":true,"completed_at":null,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_bg1","incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"metadata":{},"model":"perplexity/sonar","object":"response","output":[],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"cancelling","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":null}
        """;

    /// <summary>A background run, queued.</summary>
    public const string Queued = """
        {"background":true,"completed_at":null,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_bg2","incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"metadata":{},"model":"perplexity/sonar","object":"response","output":[],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"queued","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":null}
        """;

    /// <summary>A model error: HTTP 200 with <c>status: failed</c> and the error.</summary>
    public const string Failed = """
        {"background":false,"completed_at":1760000002,"created_at":1760000000,"error":{"code":"model_error","message":"the model failed to produce a response","type":"internal_error"},"frequency_penalty":0,"id":"resp_f1","incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"metadata":{},"model":"openai/gpt-5.5","object":"response","output":[],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"failed","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":{"input_tokens":12,"input_tokens_details":{"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cached_tokens":0},"output_tokens":0,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":12,"cost":{"currency":"USD","input_cost":0.000015,"output_cost":0,"tool_calls_cost":0,"total_cost":0.000015},"tool_calls_details":{}}}
        """;

    /// <summary>A function call (status <c>requires_action</c>) with a thought signature.</summary>
    public const string FunctionCall = """
        {"background":false,"completed_at":1760000002,"created_at":1760000000,"error":null,"frequency_penalty":0,"id":"resp_fc1","incomplete_details":null,"instructions":null,"max_output_tokens":null,"max_tool_calls":null,"metadata":{},"model":"google/gemini-3-pro","object":"response","output":[{"type":"function_call","id":"fc_1","call_id":"call_1","name":"weather","arguments":"{\"city\":\"Paris\"}","status":"completed","thought_signature":"c2ln"}],"parallel_tool_calls":true,"presence_penalty":0,"previous_response_id":null,"prompt_cache_key":null,"reasoning":{"effort":null,"summary":null},"safety_identifier":null,"service_tier":"default","status":"requires_action","store":true,"temperature":1,"text":{"format":{"type":"text"},"verbosity":"medium"},"tool_choice":"auto","tools":[{"type":"function","name":"weather","parameters":{"type":"object"}}],"top_logprobs":0,"top_p":1,"truncation":"disabled","usage":{"input_tokens":40,"input_tokens_details":{"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cached_tokens":0},"output_tokens":12,"output_tokens_details":{"reasoning_tokens":8},"total_tokens":52,"cost":{"currency":"USD","input_cost":0.00005,"output_cost":0.00012,"tool_calls_cost":0,"total_cost":0.00017},"tool_calls_details":{}}}
        """;

    /// <summary>Fetched pages and an output item kind newer than the SDK.</summary>
    public const string FetchAndUnknownItem = """
        {"background":false,"completed_at":1760000009,"created_at":1760000000,"error":null,"id":"resp_fu1","incomplete_details":null,"model":"perplexity/sonar","object":"response","output":[{"type":"fetch_url_results","contents":[{"url":"https://example.com/a","title":"A","snippet":"About A.","content":"The whole page."}],"status":"completed"},{"type":"sandbox_call","id":"sb_1","code":"print(1)","outputs":[{"type":"logs","logs":"1"}]},{"type":"message","id":"msg_fu1","role":"assistant","status":"completed","content":[{"type":"output_text","text":"A is about A.","annotations":[]}]}],"previous_response_id":null,"status":"completed","store":false,"usage":{"input_tokens":300,"input_tokens_details":{"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cached_tokens":0},"output_tokens":5,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":305,"cost":{"currency":"USD","input_cost":0.0003,"output_cost":0.000005,"tool_calls_cost":0.0005,"tool_calls_cost_details":{"fetch_url":0.0005},"total_cost":0.000805},"tool_calls_details":{"fetch_url":{"invocation":1,"cost_usd":0.0005}}}}
        """;

    /// <summary>Every response shape above, by name.</summary>
    public static TheoryData<string, string> Responses() => new()
    {
        { nameof(Completed), Completed },
        { nameof(IncompleteWithText), IncompleteWithText },
        { nameof(IncompleteEmpty), IncompleteEmpty },
        { nameof(Cancelled), Cancelled },
        { nameof(Cancelling), Cancelling },
        { nameof(Queued), Queued },
        { nameof(Failed), Failed },
        { nameof(FunctionCall), FunctionCall },
        { nameof(FetchAndUnknownItem), FetchAndUnknownItem },
    };
}
