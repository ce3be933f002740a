namespace ThreadClient.Perplexity.Agent;

/// <summary>The values of <see cref="AgentResponse.Status"/>.</summary>
public static class AgentResponseStatus
{
    /// <summary><c>completed</c>: the answer is there.</summary>
    public const string Completed = "completed";

    /// <summary><c>failed</c>: see <see cref="AgentResponse.Error"/>.</summary>
    public const string Failed = "failed";

    /// <summary><c>in_progress</c>: still running (background).</summary>
    public const string InProgress = "in_progress";

    /// <summary><c>queued</c>: not started yet (background).</summary>
    public const string Queued = "queued";

    /// <summary><c>cancelled</c>.</summary>
    public const string Cancelled = "cancelled";

    /// <summary><c>requires_action</c>: the model called a function; send its output.</summary>
    public const string RequiresAction = "requires_action";
}
