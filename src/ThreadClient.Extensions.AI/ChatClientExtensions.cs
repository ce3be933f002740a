using Microsoft.Extensions.AI;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;

namespace ThreadClient.Extensions.AI;

/// <summary>ThreadClient's provider clients as <see cref="IChatClient"/>s.</summary>
public static class ChatClientExtensions
{
    /// <summary>
    /// Perplexity chat completions as an <see cref="IChatClient"/>. With model <c>sonar-pro</c> each
    /// conversation is a thread: <see cref="ChatOptions.ConversationId"/> absent starts one, present
    /// continues it (send only the new messages); the response's <c>ConversationId</c> is the thread
    /// id after the turn. Other models make stateless calls (no <c>ConversationId</c>).
    /// </summary>
    /// <param name="client">The Perplexity client, for example <c>threadsClient.Perplexity</c>.</param>
    /// <param name="defaultModel">The model when <see cref="ChatOptions.ModelId"/> is not set; <c>sonar-pro</c> by default.</param>
    /// <param name="sessionOptions">Fallback policy, limits and request extras for the threads; not modified.</param>
    /// <returns>The chat client; thread-safe.</returns>
    public static IChatClient AsIChatClient(this PerplexityClient client, string? defaultModel = null, PerplexitySessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new PerplexityChatClient(client, defaultModel ?? PerplexityOptions.ThreadingModel, sessionOptions);
    }

    /// <summary>
    /// Aitronos model responses as an <see cref="IChatClient"/>: each conversation is a named thread;
    /// <see cref="ChatOptions.ConversationId"/> absent starts one (named by the session options'
    /// <c>ThreadIdFactory</c>), present continues it.
    /// </summary>
    /// <param name="client">The Aitronos client, for example <c>threadsClient.Aitronos</c>.</param>
    /// <param name="defaultModel">The model when <see cref="ChatOptions.ModelId"/> is not set; <c>gpt-4.1</c> by default.</param>
    /// <param name="sessionOptions">Fallback policy, limits, metadata, <c>store</c> for the threads; not modified.</param>
    /// <returns>The chat client; thread-safe.</returns>
    public static IChatClient AsIChatClient(this AitronosClient client, string? defaultModel = null, AitronosSessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new AitronosChatClient(client, defaultModel ?? "gpt-4.1", sessionOptions);
    }
}
