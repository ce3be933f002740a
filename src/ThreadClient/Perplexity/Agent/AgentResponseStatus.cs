namespace ThreadClient.Perplexity.Agent;

/// <summary>The values of <see cref="AgentResponse.Status"/> the service documents; a newer one is kept as the text it came as.</summary>
public static class AgentResponseStatus
{
    /// <summary><c>completed</c>: the answer is there.</summary>
    public const string Completed = "completed";

    /// <summary><c>failed</c>: see <see cref="AgentResponse.Error"/> (model errors come back as HTTP 200 with this status).</summary>
    public const string Failed = "failed";

    /// <summary><c>in_progress</c>: still running (background).</summary>
    public const string InProgress = "in_progress";

    /// <summary><c>queued</c>: not started yet (background).</summary>
    public const string Queued = "queued";

    /// <summary><c>cancelled</c>: a background response stopped by <see cref="PerplexityAgentClient.CancelResponseAsync"/> (<see cref="AgentResponse.Error"/> says so; usage is null).</summary>
    public const string Cancelled = "cancelled";

    /// <summary><c>cancelling</c>: a cancellation was asked for and the run is stopping.</summary>
    public const string Cancelling = "cancelling";

    /// <summary><c>incomplete</c>: the response stopped early, see <see cref="AgentResponse.IncompleteDetails"/> (for example <c>max_output_tokens</c> reached); the output may be partial or empty.</summary>
    public const string Incomplete = "incomplete";

    /// <summary><c>requires_action</c>: the model called a function; send its output.</summary>
    public const string RequiresAction = "requires_action";
}
