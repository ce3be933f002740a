using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// What <c>PerplexityClient.AsIChatClient()</c> returns: chat completions with threads while the service
/// serves them, the Agent API once a session of the client has seen them retired. The turn that meets
/// the retirement is answered by the Agent API (the session migrates it) and comes back with a new
/// <c>ConversationId</c>, an Agent API conversation key that holds that turn, so the caller goes on
/// with no code change; the replaced thread id and the reason (<c>EndpointRetired</c>) are in the
/// response's <c>AdditionalProperties</c>.
/// </summary>
internal sealed class PerplexityChatRouter : IChatClient, IConversationEraser
{
    private readonly PerplexityClient _client;
    private readonly PerplexityChatClient _threads;
    private readonly PerplexityAgentChatClient _agent;
    public PerplexityChatRouter(PerplexityClient client, string model, PerplexitySessionOptions? template)
    {
        _client = client;
        _threads = new PerplexityChatClient(client, model, template);
        _agent = new PerplexityAgentChatClient(client.Agent, model, template is null ? null : AgentTemplate(template));
    }

    /// <summary>The Agent API sessions' settings after the retirement: the thread template's shared settings and its Agent API request hook.</summary>
    private static Perplexity.Agent.AgentSessionOptions AgentTemplate(PerplexitySessionOptions template)
    {
        var agent = new Perplexity.Agent.AgentSessionOptions { ConfigureRequest = template.ConfigureAgentRequest };
        agent.CopySharedSettingsFrom(template);
        agent.ReplayTurns = Math.Max(1, template.ReplayTurns);
        return agent;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_client.ChatCompletionsRetired)
        {
            return await _agent.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        var turn = messages as IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> ?? [.. messages];
        var response = await _threads.GetResponseAsync(turn, options, cancellationToken).ConfigureAwait(false);
        if (Migrated(response.AdditionalProperties))
        {
            response.ConversationId = await _agent.AdoptAsync(turn, response.Text, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_client.ChatCompletionsRetired)
        {
            await foreach (var update in _agent.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var turn = messages as IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> ?? [.. messages];
        var text = new System.Text.StringBuilder();
        await foreach (var update in _threads.GetStreamingResponseAsync(turn, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            if (Migrated(update.AdditionalProperties))
            {
                update.ConversationId = await _agent.AdoptAsync(turn, text.ToString(), cancellationToken).ConfigureAwait(false);
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : _threads.GetService(serviceType, serviceKey) ?? _agent.GetService(serviceType, serviceKey);
    }

    /// <summary>A thread id erases the threads adapter's state; a <c>conv_</c> key the Agent API adapter's.</summary>
    public Task<ThreadClient.Privacy.ForgetResult> ForgetConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(PerplexityAgentChatClient.KeyPrefix, StringComparison.Ordinal)
            ? _agent.ForgetConversationAsync(conversationId, cancellationToken)
            : _threads.ForgetConversationAsync(conversationId, cancellationToken);

    public void Dispose()
    {
    }

    private static bool Migrated(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(ThreadsChatProperties.ReplacementReason, out var reason) == true && reason is nameof(ThreadReplacementReason.EndpointRetired);
}
