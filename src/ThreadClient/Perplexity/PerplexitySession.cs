using Microsoft.Extensions.Logging;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>
/// A Perplexity conversation on a server-side thread: the first turn sends <c>use_threads: true</c>,
/// later turns send <c>thread_id</c> and only the new messages, and the latest <c>thread_id</c> a
/// reply carries always wins. Start one with <see cref="PerplexityClient.StartSession"/>.
/// </summary>
public sealed class PerplexitySession : ThreadSession<ChatMessage, ChatCompletionChunk, ChatCompletion>
{
    internal PerplexitySession(PerplexityConversation driver, PerplexitySessionOptions options, SessionRecord record, SessionBinding? binding, TimeProvider clock, ILogger logger)
        : base(driver, options, record, binding, clock, logger)
    {
    }

    /// <summary>The thread id; <see langword="null"/> before the first turn, or when the session degraded to stateless calls.</summary>
    public string? ThreadId => ConversationId;
}
