using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>Settings of a <see cref="PerplexitySession"/>; copied when the session starts.</summary>
public sealed class PerplexitySessionOptions : ThreadSessionOptions
{
    /// <summary>Creates the settings, with no proactive rollover (Perplexity states no thread limits).</summary>
    public PerplexitySessionOptions()
        : base(SessionLimits.None)
    {
    }

    /// <summary>The model; <see cref="PerplexityOptions.DefaultModel"/> when <see langword="null"/>. Threads need <c>sonar-pro</c>.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// When Perplexity answers 401 "threading unavailable", go on with stateless calls that carry
    /// the local transcript (the last <see cref="ThreadSessionOptions.ReplayTurns"/> turns) instead of throwing
    /// <see cref="ThreadingUnavailableException"/>. Default <see langword="false"/>.
    /// </summary>
    public bool DegradeToStatelessWhenThreadingUnavailable { get; set; }

    /// <summary>Sets extra fields (web search options, temperature, ...) on each turn's request; the session sets the model, thread fields and messages.</summary>
    public Action<ChatCompletionRequest>? ConfigureRequest { get; set; }

    /// <summary>
    /// Sets Agent API fields on each turn the session sends there (once chat completions are retired),
    /// after the session translated the model and what has a counterpart from <see cref="ConfigureRequest"/>
    /// (<c>max_tokens</c>, <c>reasoning_effort</c>, a <c>json_schema</c> format, the search filters as a
    /// <c>web_search</c> tool). The session sets <see cref="AgentRequest.Input"/>.
    /// </summary>
    public Action<AgentRequest>? ConfigureAgentRequest { get; set; }

    internal override bool DegradesWhenThreadingUnavailable => DegradeToStatelessWhenThreadingUnavailable;

    internal override ThreadSessionOptions Snapshot()
    {
        Validate("options");
        return (PerplexitySessionOptions)MemberwiseClone();
    }
}
