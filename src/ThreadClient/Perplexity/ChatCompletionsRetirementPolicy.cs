namespace ThreadClient.Perplexity;

/// <summary>What a Perplexity session does when chat completions are retired (<see cref="PerplexityOptions.ChatCompletionsRetirement"/>).</summary>
public enum ChatCompletionsRetirementPolicy
{
    /// <summary>
    /// Re-send the turn on the Agent API with the transcript so far, say so (<c>ThreadReplaced</c> with
    /// <c>EndpointRetired</c>), and send every later turn of every session of the client there.
    /// </summary>
    MigrateToAgentApi = 0,

    /// <summary>Throw <see cref="EndpointRetiredException"/>; the session is unchanged.</summary>
    Throw,
}
