namespace ThreadClient.Perplexity.Agent;

/// <summary>How an <see cref="PerplexityAgentSession"/> gives the Agent API, which keeps no thread, the conversation so far.</summary>
public enum AgentContextMode
{
    /// <summary>
    /// Every turn sends the transcript (earlier user turns and answers, within the replay budget) in
    /// <c>input</c>, then the new turn. What works on the service today; the tokens sent grow with the
    /// conversation, up to the budget. The default.
    /// </summary>
    Replay = 0,

    /// <summary>
    /// Every turn sends only the new turn with <c>previous_response_id</c> (and <c>store: true</c>). When
    /// the service rejects the id, the turn is re-sent with the transcript, visibly. Perplexity documents
    /// that <c>previous_response_id</c> may currently be ignored: prefer <see cref="Replay"/> unless you
    /// know your account honours it.
    /// </summary>
    PreviousResponse,
}
