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

    internal override bool DegradesWhenThreadingUnavailable => DegradeToStatelessWhenThreadingUnavailable;

    internal override ThreadSessionOptions Snapshot()
    {
        Validate("options");
        return (PerplexitySessionOptions)MemberwiseClone();
    }
}
