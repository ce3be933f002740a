namespace ThreadClient.Perplexity.Agent;

/// <summary>The roles an Agent API input message can have, as written on the wire.</summary>
public static class AgentRole
{
    /// <summary><c>user</c>.</summary>
    public const string User = "user";

    /// <summary><c>assistant</c>.</summary>
    public const string Assistant = "assistant";

    /// <summary><c>system</c>.</summary>
    public const string System = "system";

    /// <summary><c>developer</c>.</summary>
    public const string Developer = "developer";

    internal static bool IsKnown(string? role) => role is User or Assistant or System or Developer;
}
