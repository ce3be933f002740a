using Microsoft.Extensions.AI;
using ThreadClient.Aitronos;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;

namespace ThreadClient.Extensions.AI;

/// <summary>ThreadClient's provider clients as <see cref="IChatClient"/>s.</summary>
public static class ThreadsChatClientExtensions
{
    /// <summary>
    /// Perplexity as an <see cref="IChatClient"/>. With model <c>sonar-pro</c> each conversation is a
    /// thread: <see cref="ChatOptions.ConversationId"/> absent starts one, present continues it (send
    /// only the new messages); the response's <c>ConversationId</c> is the thread id after the turn.
    /// Other models make stateless calls (no <c>ConversationId</c>). Once chat completions are retired
    /// (Perplexity switched them off on 2026-09-27), the turn that meets the retirement is answered by
    /// the Agent API and returns an Agent API conversation key as its <c>ConversationId</c> (see
    /// <see cref="AsIChatClient(PerplexityAgentClient, string?, AgentSessionOptions?)"/>), with the
    /// replaced thread id and <c>EndpointRetired</c> in <c>AdditionalProperties</c>; every later call
    /// goes to the Agent API.
    /// </summary>
    /// <param name="client">The Perplexity client, for example <c>threadsClient.Perplexity</c>.</param>
    /// <param name="defaultModel">The model when <see cref="ChatOptions.ModelId"/> is not set; <c>sonar-pro</c> by default.</param>
    /// <param name="sessionOptions">Fallback policy, limits and request extras for the threads; not modified.</param>
    /// <returns>The chat client; thread-safe.</returns>
    public static IChatClient AsIChatClient(this PerplexityClient client, string? defaultModel = null, PerplexitySessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new PerplexityChatRouter(client, defaultModel ?? PerplexityOptions.ThreadingModel, sessionOptions);
    }

    /// <summary>
    /// Erases a conversation an adapter of this package keeps, by its <see cref="ChatOptions.ConversationId"/>:
    /// its state in the client's session store, and the provider's copy where the provider has an API to
    /// delete it (an Aitronos thread). What cannot be erased (Perplexity threads and stored responses) is listed.
    /// Works through a pipeline (<c>ChatClientBuilder</c>) that hands out the adapter with <c>GetService</c>.
    /// </summary>
    /// <param name="chat">A chat client made by <c>AsIChatClient</c> (or a pipeline over one).</param>
    /// <param name="conversationId">The conversation's id.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>What was erased and what was not.</returns>
    /// <exception cref="ArgumentException"><paramref name="conversationId"/> is empty.</exception>
    /// <exception cref="NotSupportedException"><paramref name="chat"/> is not (and does not wrap) one of this package's adapters.</exception>
    public static Task<ThreadClient.Privacy.ForgetResult> ForgetConversationAsync(this IChatClient chat, string conversationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        return chat.GetService(typeof(IConversationEraser)) is IConversationEraser eraser
            ? eraser.ForgetConversationAsync(conversationId, cancellationToken)
            : throw new NotSupportedException("The chat client is not one of ThreadClient's adapters (or does not hand one out with GetService): it keeps no conversation this method can erase.");
    }

    /// <summary>
    /// Perplexity's Agent API as an <see cref="IChatClient"/>. The service keeps no thread, so each
    /// conversation lives in the client's session store (<see cref="PerplexityAgentClient.SessionStore"/>):
    /// <see cref="ChatOptions.ConversationId"/> is a conversation key (<c>conv_...</c>) the adapter mints
    /// on the first call and keeps the same on every later one (and on every streamed update, from the
    /// first). Absent, a new conversation starts with the messages you pass; present, send only the new
    /// messages: the adapter replays the transcript (or chains <c>previous_response_id</c>, by
    /// <see cref="AgentSessionOptions.ContextMode"/>). A key the store does not hold (expired, another
    /// store) starts a new conversation under a new key, reported in <c>AdditionalProperties</c>
    /// (<see cref="ThreadsChatProperties.ReplacedConversationId"/>), never silently.
    /// </summary>
    /// <param name="client">The Agent API client, for example <c>threadsClient.Perplexity.Agent</c>.</param>
    /// <param name="defaultModel">The model (<c>provider/model</c>) or Sonar name (mapped by <see cref="PerplexityOptions.SonarModelMap"/>) when <see cref="ChatOptions.ModelId"/> is not set; the session options' choice by default.</param>
    /// <param name="sessionOptions">Context mode, replay budget, instructions and request extras; not modified.</param>
    /// <returns>The chat client; thread-safe.</returns>
    public static IChatClient AsIChatClient(this PerplexityAgentClient client, string? defaultModel = null, AgentSessionOptions? sessionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new PerplexityAgentChatClient(client, defaultModel, sessionOptions);
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
