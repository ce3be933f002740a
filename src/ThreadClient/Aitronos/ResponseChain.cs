using Microsoft.Extensions.Logging;
using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>
/// An Aitronos conversation without a thread: each turn sends the previous response's id as
/// <c>previousResponseId</c> (never <c>thread</c>). When the previous response is too old (by the
/// client's clock) or the service rejects it, the chain restarts visibly, like a session's fallback.
/// Start one with <see cref="AitronosClient.StartChain"/>.
/// </summary>
public sealed class ResponseChain : ThreadSession<AitronosInput, AitronosStreamEvent, AitronosResponse>
{
    internal ResponseChain(AitronosConversation driver, ResponseChainOptions options, SessionRecord record, SessionBinding? binding, TimeProvider clock, ILogger logger)
        : base(driver, options, record, binding, clock, logger)
    {
    }

    /// <summary>The last response's id, sent as <c>previousResponseId</c> by the next turn; <see langword="null"/> before the first.</summary>
    public string? LastResponseId => ConversationId;
}
