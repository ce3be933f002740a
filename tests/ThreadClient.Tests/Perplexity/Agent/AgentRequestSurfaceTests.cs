using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>The Agent API's request fields of late 2026 (WIRE.md §4): written only when set, checked where the docs give limits.</summary>
public sealed class AgentRequestSurfaceTests
{
    private static (ThreadsClient Client, RecordingHandler Handler) Rig()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(AgentWireTests.MinimalReply));
        return (RecordingHandler.CreateClient(handler), handler);
    }

    [Fact]
    public async Task The_late_2026_fields_are_written_with_their_wire_names_after_the_older_ones()
    {
        var (client, handler) = Rig();
        using var _ = client;

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest
        {
            Input = "q",
            Effort = "fast@2026-10-16.0",
            PromptCacheKey = "conv-7f3a",
            Metadata = new Dictionary<string, string> { ["ticket"] = "T-1" },
            Truncation = "auto",
            ToolChoice = AgentToolChoice.Function("weather"),
            ParallelToolCalls = false,
            MaxToolCalls = 3,
            ServiceTier = "priority",
            Temperature = 0.2,
            TopP = 0.9,
            Tools = [new WebSearchTool { MaxResults = 5 }],
        });

        Assert.Equal(
            """{"input":"q","tools":[{"type":"web_search","max_results":5}],"prompt_cache_key":"conv-7f3a","effort":"fast@2026-10-16.0","metadata":{"ticket":"T-1"},"truncation":"auto","tool_choice":{"type":"function","name":"weather"},"parallel_tool_calls":false,"max_tool_calls":3,"service_tier":"priority","temperature":0.2,"top_p":0.9}""",
            handler.OnlyRequest.Body);
    }

    [Theory]
    [InlineData("auto", "\"auto\"")]
    [InlineData("none", "\"none\"")]
    [InlineData("required", "\"required\"")]
    public async Task A_tool_choice_mode_is_written_as_its_string(string mode, string json)
    {
        var (client, handler) = Rig();
        using var _ = client;
        var choice = mode switch { "auto" => AgentToolChoice.Auto, "none" => AgentToolChoice.None, _ => AgentToolChoice.Required };

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Input = "q", ToolChoice = choice });

        Assert.Equal("""{"input":"q","tool_choice":""" + json + "}", handler.OnlyRequest.Body);
    }

    public static TheoryData<string, Action<AgentRequest>> Invalid() => new()
    {
        { "Metadata has 17 entries", r => r.Metadata = Enumerable.Range(0, 17).ToDictionary(i => "k" + i, _ => "v") },
        { "Metadata has a key of 65 characters", r => r.Metadata = new Dictionary<string, string> { [new string('k', 65)] = "v" } },
        { "Metadata['k'] is 513 characters", r => r.Metadata = new Dictionary<string, string> { ["k"] = new string('v', 513) } },
        { "more than one of Preset, Effort and Profile", r => (r.Preset, r.Effort) = ("low", "low") },
        { "more than one of Preset, Effort and Profile", r => (r.Preset, r.Profile) = ("low", "team-default") },
        { "more than one of Preset, Effort and Profile", r => (r.Effort, r.Profile) = ("low", "team-default") },
        { "Effort '@2026-10-16.0' is not an effort level", r => r.Effort = "@2026-10-16.0" },
        { "MaxSteps is 11", r => r.MaxSteps = 11 },
        { "MaxSteps is 0", r => r.MaxSteps = 0 },
        { "MaxToolCalls must not be negative", r => r.MaxToolCalls = -1 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task A_request_that_breaks_a_documented_limit_is_refused_before_sending_naming_the_rule(string rule, Action<AgentRequest> breakIt)
    {
        var (client, handler) = Rig();
        using var _ = client;
        var request = new AgentRequest { Input = "q" };
        breakIt(request);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.Agent.CreateResponseAsync(request));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        var (client, handler) = Rig();
        using var _ = client;

        await client.Perplexity.Agent.CreateResponseAsync(new AgentRequest
        {
            Input = "q",
            Metadata = Enumerable.Range(0, 16).ToDictionary(i => i == 0 ? new string('k', 64) : "k" + i, _ => new string('v', 512)),
            MaxSteps = 10,
            MaxToolCalls = 0,
            Effort = "xhigh",
        });

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("sonar", "model", "perplexity/sonar")]
    [InlineData("sonar-pro", "preset", "low")]
    [InlineData("sonar-reasoning-pro", "preset", "medium")]
    [InlineData("sonar-deep-research", "preset", "high")]
    [InlineData("pro-search", "preset", "low")]
    [InlineData("fast-search", "preset", "fast")]
    [InlineData("deep-research", "preset", "medium")]
    [InlineData("advanced-deep-research", "preset", "high")]
    [InlineData("ultra", "preset", "xhigh")]
    [InlineData("xhigh", "preset", "xhigh")]
    [InlineData("sonar-reasoning", "model", "perplexity/sonar-reasoning")]
    [InlineData("openai/gpt-5.5", "model", "openai/gpt-5.5")]
    public async Task Sonar_names_map_as_the_migration_guide_says_and_preset_names_old_or_new_stay_presets(string sonar, string field, string target)
    {
        var (client, handler) = Rig();
        using var _ = client;

        Assert.Equal(target, client.Perplexity.Agent.MapSonarModel(sonar));
        var session = client.Perplexity.StartSession(new PerplexitySessionOptions { Model = sonar });
        client.Perplexity.RememberChatCompletionsRetired();
        await session.SendAsync("q");

        Assert.Contains($"\"{field}\":\"{target}\"", handler.Requests.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_session_with_no_model_uses_the_default_models_mapping_the_preset_low()
    {
        var (client, handler) = Rig();
        using var _ = client;

        await client.Perplexity.Agent.StartSession().SendAsync("q");

        Assert.Equal("""{"input":[{"type":"message","role":"user","content":"q"}],"preset":"low","prompt_cache_key":"tc_*"}""", handler.OnlyRequest.MaskedBody);
    }

    [Fact]
    public void The_preset_names_are_known_by_their_current_and_their_old_names()
    {
        Assert.Equal(["fast", "low", "medium", "high", "xhigh"], new[] { "fast-search", "pro-search", "deep-research", "advanced-deep-research", "ultra" }.Select(n => AgentPresets.CurrentName(n)));
        Assert.True(AgentPresets.IsPreset("LOW"));
        Assert.False(AgentPresets.IsPreset("sonar-pro"));
        Assert.Null(AgentPresets.CurrentName(null));
    }
}
