namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// The Agent API's presets and effort levels by name (<see cref="AgentRequest.Preset"/>,
/// <see cref="AgentRequest.Effort"/>), renamed in August 2026; the old names are still accepted by the service.
/// </summary>
public static class AgentPresets
{
    /// <summary><c>fast</c> (was <c>fast-search</c>).</summary>
    public const string Fast = "fast";

    /// <summary><c>low</c> (was <c>pro-search</c>; what <c>sonar-pro</c> maps to).</summary>
    public const string Low = "low";

    /// <summary><c>medium</c> (was <c>deep-research</c>).</summary>
    public const string Medium = "medium";

    /// <summary><c>high</c> (was <c>advanced-deep-research</c>).</summary>
    public const string High = "high";

    /// <summary><c>xhigh</c> (was <c>ultra</c>).</summary>
    public const string ExtraHigh = "xhigh";

    private static readonly Dictionary<string, string> Renamed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fast-search"] = Fast,
        ["pro-search"] = Low,
        ["deep-research"] = Medium,
        ["advanced-deep-research"] = High,
        ["ultra"] = ExtraHigh,
    };

    /// <summary>Whether <paramref name="name"/> is a preset, by its current or its old name.</summary>
    /// <param name="name">A name, for example <c>low</c> or <c>pro-search</c>.</param>
    /// <returns><see langword="true"/> for the five presets and their old names.</returns>
    public static bool IsPreset(string? name) => CurrentName(name) is not null;

    /// <summary>The current name of a preset given by its old or current name; <see langword="null"/> when it is not a preset.</summary>
    /// <param name="name">A name, for example <c>pro-search</c>.</param>
    /// <returns>The current name (<c>low</c>), or <see langword="null"/>.</returns>
    public static string? CurrentName(string? name) => name?.ToLowerInvariant() switch
    {
        null => null,
        Fast or Low or Medium or High or ExtraHigh => name.ToLowerInvariant(),
        _ => Renamed.TryGetValue(name, out var current) ? current : null,
    };
}
