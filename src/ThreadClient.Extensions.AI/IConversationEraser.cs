using ThreadClient.Privacy;

namespace ThreadClient.Extensions.AI;

/// <summary>An adapter that can erase what it keeps of a conversation by its <c>ConversationId</c>.</summary>
internal interface IConversationEraser
{
    Task<ForgetResult> ForgetConversationAsync(string conversationId, CancellationToken cancellationToken);
}
