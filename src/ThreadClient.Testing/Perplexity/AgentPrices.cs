namespace ThreadClient.Testing;

/// <summary>
/// What the emulator's Agent API bills (<see cref="EmulatorOptions.AgentPrices"/>; settable while it runs,
/// in-process or with <c>PUT /_emulator/perplexity/agent/prices</c>): US dollars per million input tokens,
/// per million input tokens read from the prompt cache, per million output tokens, and per web search.
/// The defaults are round numbers in the range of Perplexity's list prices, for tests to assert on, not
/// a copy of them.
/// </summary>
public sealed class AgentPrices
{
    /// <summary>Per million input tokens not served from the cache. Default 1.00.</summary>
    public decimal InputPerMillionTokens { get; set; } = 1.00m;

    /// <summary>Per million input tokens read from the prompt cache. Default 0.10.</summary>
    public decimal CacheReadPerMillionTokens { get; set; } = 0.10m;

    /// <summary>Per million output tokens. Default 2.00.</summary>
    public decimal OutputPerMillionTokens { get; set; } = 2.00m;

    /// <summary>Per web search (one a completed answer). Default 0.005.</summary>
    public decimal WebSearchPerCall { get; set; } = 0.005m;
}
