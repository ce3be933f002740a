using ThreadClient.Perplexity.Agent;

namespace ThreadClient.Perplexity;

/// <summary>Settings of the Perplexity provider.</summary>
public sealed class PerplexityOptions
{
    /// <summary>The default base address, <c>https://api.perplexity.ai</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.perplexity.ai/");

    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "PERPLEXITY_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is left at its default: <c>PERPLEXITY_BASE_URL</c>.</summary>
    public const string BaseAddressEnvironmentVariable = "PERPLEXITY_BASE_URL";

    /// <summary>The only model that supports threads.</summary>
    public const string ThreadingModel = "sonar-pro";

    /// <summary>The service's base address; requests go to <c>{BaseAddress}/chat/completions</c>.</summary>
    /// <remarks>Left at its default, the <c>PERPLEXITY_BASE_URL</c> environment variable overrides it when set.</remarks>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The model sessions use when their options name none. Default <c>sonar-pro</c>, the one model with threads.</summary>
    public string DefaultModel { get; set; } = ThreadingModel;

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. When unset, <c>PERPLEXITY_API_KEY</c> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Whether to refuse, before sending, a threaded request for a model other than <c>sonar-pro</c>
    /// (the service ignores or rejects threads on other models). Default <see langword="true"/>.
    /// </summary>
    public bool ValidateThreadingModel { get; set; } = true;

    /// <summary>
    /// The Agent API route for creating responses: <c>v1/responses</c> (what the official SDKs call,
    /// and what the retirement message names) or its alias <c>v1/agent</c>.
    /// </summary>
    public string AgentPath { get; set; } = "v1/responses";

    /// <summary>
    /// What a Perplexity session does when chat completions answer that they are retired (Perplexity
    /// switched them off on 2026-09-27): move the conversation to the Agent API (the default) or throw
    /// <see cref="EndpointRetiredException"/>.
    /// </summary>
    public ChatCompletionsRetirementPolicy ChatCompletionsRetirement { get; set; } = ChatCompletionsRetirementPolicy.MigrateToAgentApi;

    /// <summary>
    /// How a Sonar model name becomes an Agent API target when a session migrates: a value with a
    /// <c>/</c> is a model (<c>perplexity/sonar</c>), any other a preset (<c>low</c>). A preset name
    /// (<c>fast</c>, <c>low</c>, <c>medium</c>, <c>high</c>, <c>xhigh</c>, or a name they had before August
    /// 2026 such as <c>pro-search</c>) stays a preset, by its current name; any other name not listed
    /// becomes <c>perplexity/{name}</c>. Defaults, from Perplexity's migration guide: <c>sonar</c> to model
    /// <c>perplexity/sonar</c>, <c>sonar-pro</c> to preset <c>low</c>, <c>sonar-reasoning-pro</c> to
    /// <c>medium</c>, <c>sonar-deep-research</c> to <c>high</c> (Perplexity's own migration skill maps the
    /// reasoning ones a step lower: set your own entries to follow it).
    /// </summary>
    public IDictionary<string, string> SonarModelMap { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["sonar"] = "perplexity/sonar",
        ["sonar-pro"] = AgentPresets.Low,
        ["sonar-reasoning-pro"] = AgentPresets.Medium,
        ["sonar-deep-research"] = AgentPresets.High,
    };
}
