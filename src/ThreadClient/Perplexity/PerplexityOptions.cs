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
}
