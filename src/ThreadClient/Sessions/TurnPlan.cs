namespace ThreadClient.Sessions;

/// <summary>
/// What one request of a turn sends: on which conversation (null: start one), the messages (the new
/// turn, after any replayed transcript), and whether it is stateless or already a fallback.
/// </summary>
internal sealed record TurnPlan<TMessage>(string? ConversationId, bool StartsConversation, IReadOnlyList<TMessage> Messages, bool Stateless, bool IsFallback);
