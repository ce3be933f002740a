using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Settings of a <see cref="PerplexityAgentSession"/>; copied when the session starts.</summary>
public sealed class AgentSessionOptions : ThreadSessionOptions
{
    /// <summary>Creates the settings (no proactive rollover: the Agent API states no conversation limits).</summary>
    public AgentSessionOptions()
        : base(SessionLimits.None)
    {
    }

    /// <summary>How the conversation so far reaches the model. Default <see cref="AgentContextMode.Replay"/>.</summary>
    public AgentContextMode ContextMode { get; set; } = AgentContextMode.Replay;

    /// <summary>The model (<c>provider/model</c>); when neither this nor <see cref="Preset"/> is set, the mapping of <see cref="PerplexityOptions.DefaultModel"/> in <see cref="PerplexityOptions.SonarModelMap"/>.</summary>
    public string? Model { get; set; }

    /// <summary>A preset (for example <c>low</c>, see <see cref="AgentPresets"/>) instead of a model.</summary>
    public string? Preset { get; set; }

    /// <summary>Instructions sent with every turn (they are not part of the transcript).</summary>
    public string? Instructions { get; set; }

    /// <summary>Sets extra fields (tools, reasoning, max tokens, ...) on each turn's request; the session sets the input and <c>previous_response_id</c>.</summary>
    public Action<AgentRequest>? ConfigureRequest { get; set; }

    /// <summary>A rejected <c>previous_response_id</c> is always answered by re-sending with the transcript.</summary>
    internal override bool Replays => true;

    internal override void Validate(string name)
    {
        base.Validate(name);
        if (!Enum.IsDefined(ContextMode))
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ContextMode), ContextMode, name + ".ContextMode is not a known mode.");
        }

        if (ReplayTurns < 1)
        {
            throw new ArgumentOutOfRangeException(name + "." + nameof(ReplayTurns), ReplayTurns, name + ".ReplayTurns must be at least 1: the Agent API keeps no thread, so without a transcript every turn starts over.");
        }
    }

    internal override ThreadSessionOptions Snapshot()
    {
        Validate("options");
        return (AgentSessionOptions)MemberwiseClone();
    }
}
