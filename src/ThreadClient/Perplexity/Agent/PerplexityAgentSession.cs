using Microsoft.Extensions.Logging;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A conversation on Perplexity's Agent API, which keeps no thread: the session keeps the transcript
/// in its <see cref="SessionRecord"/> (and so in the session store, shared between app instances) and
/// replays it on every turn, or, in <see cref="AgentContextMode.PreviousResponse"/>, chains
/// <c>previous_response_id</c> and replays only when the service rejects it. Its
/// <see cref="ThreadSession{TMessage, TChunk, TReply}.ConversationId"/> is the last response id.
/// Start one with <see cref="PerplexityAgentClient.StartSession"/>.
/// </summary>
public sealed class PerplexityAgentSession : ThreadSession<AgentInputMessage, AgentStreamEvent, AgentResponse>
{
    internal PerplexityAgentSession(AgentConversation driver, AgentSessionOptions options, SessionRecord record, SessionBinding? binding, TimeProvider clock, ILogger logger)
        : base(driver, options, record, binding, clock, logger)
    {
    }

    /// <summary>The id of the last response; <see langword="null"/> before the first turn.</summary>
    public string? LastResponseId => ConversationId;
}
