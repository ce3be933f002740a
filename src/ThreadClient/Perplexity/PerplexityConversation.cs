using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>
/// How a session's turn becomes a Perplexity chat completion request; and, once the client has seen
/// chat completions retired, an Agent API request carrying the transcript (the session replays it).
/// </summary>
internal sealed class PerplexityConversation : ConversationDriver<ChatMessage, ChatCompletionChunk, ChatCompletion>
{
    private readonly PerplexityClient _client;
    private readonly string _model;
    private readonly Action<ChatCompletionRequest>? _configure;
    private readonly Action<AgentRequest>? _configureAgent;

    public PerplexityConversation(PerplexityClient client, string model, Action<ChatCompletionRequest>? configure, Action<AgentRequest>? configureAgent)
    {
        _client = client;
        _model = model;
        _configure = configure;
        _configureAgent = configureAgent;
    }

    public override string Provider => "Perplexity";

    public override SessionKind Kind => SessionKind.Thread;

    public override bool KeepsServerState => !_client.ChatCompletionsRetired;

    public override bool NeedsTranscript => _client.Options.ChatCompletionsRetirement == ChatCompletionsRetirementPolicy.MigrateToAgentApi;

    public override ChatMessage User(string text) => ChatMessage.User(text);

    public override ChatMessage Assistant(string text) => ChatMessage.Assistant(text);

    public override ChatMessage Message(string role, string text) => new() { Role = role, Content = text };

    public override TranscriptMessage ToTranscript(ChatMessage message) => new(message.Role, message.Content?.Text ?? "");

    public override string? NewConversationId() => null;

    public override bool Migrates(Exception error)
    {
        if (error is not EndpointRetiredException { Successor: not null } || !NeedsTranscript)
        {
            return false;
        }

        _client.RememberChatCompletionsRetired();
        return true;
    }

    public override async Task<ChatCompletion> SendAsync(TurnPlan<ChatMessage> plan, CancellationToken cancellationToken)
    {
        if (OnAgent(plan))
        {
            var response = await _client.Agent.CreateResponseAsync(AgentRequest(plan), cancellationToken).ConfigureAwait(false);
            return ChatCompletionsOnAgent.ToChatCompletion(response);
        }

        return await _client.CreateChatCompletionAsync(Request(plan), cancellationToken).ConfigureAwait(false);
    }

    public override IAsyncEnumerable<ChatCompletionChunk> StreamAsync(TurnPlan<ChatMessage> plan, CancellationToken cancellationToken) =>
        OnAgent(plan)
            ? ChatCompletionsOnAgent.ToChunksAsync(_client.Agent.StreamResponseAsync(AgentRequest(plan), cancellationToken), cancellationToken)
            : _client.StreamChatCompletionAsync(Request(plan), cancellationToken);

    public override IReplyFold<ChatCompletionChunk, ChatCompletion> CreateFold() => new ChatCompletionBuilder();

    public override string? ConversationIdAfter(TurnPlan<ChatMessage> plan, ChatCompletion reply) =>
        plan.Stateless ? null : reply.ThreadId ?? plan.ConversationId;

    public override string TextOf(ChatCompletion reply) => reply.Content ?? "";

    /// <summary>Chat completions say <c>finish_reason: "length"</c>; a migrated turn carries the Agent API's reason.</summary>
    public override string? CutOffReason(ChatCompletion reply) =>
        reply.AgentResponse is { } agent ? AgentTurnOutcome.CutOffReason(agent)
        : reply.Choices.Count > 0 && reply.Choices[0].FinishReason == "length" ? "length"
        : null;

    /// <summary>A session that may move to the Agent API keeps a key from its start, so the migrated turns share one.</summary>
    public override bool UsesPromptCacheKey => NeedsTranscript;

    public override TurnUsage? UsageOf(ChatCompletion reply) => reply.AgentResponse?.Usage?.ToTurnUsage() ?? reply.Usage?.ToTurnUsage();

    public override void ThrowIfRefused(ChatCompletion reply, string text)
    {
        if (reply.AgentResponse is { } agent)
        {
            AgentTurnOutcome.ThrowIfRefused(agent, text, answersWithoutText: false);
        }
    }

    /// <summary>A stateless turn goes to the Agent API once chat completions are known to be retired.</summary>
    private bool OnAgent(TurnPlan<ChatMessage> plan) => plan.Stateless && _client.ChatCompletionsRetired;

    private AgentRequest AgentRequest(TurnPlan<ChatMessage> plan)
    {
        var template = new ChatCompletionRequest { Model = _model };
        _configure?.Invoke(template);
        var request = ChatCompletionsOnAgent.ToAgentRequest(template, plan.Messages as IList<ChatMessage> ?? [.. plan.Messages], _client.Options);
        _configureAgent?.Invoke(request);
        request.PromptCacheKey ??= plan.PromptCacheKey;
        return request;
    }

    private ChatCompletionRequest Request(TurnPlan<ChatMessage> plan)
    {
        var request = new ChatCompletionRequest { Model = _model };
        _configure?.Invoke(request);
        request.UseThreads = plan.Stateless ? null : true;
        request.ThreadId = plan.Stateless ? null : plan.ConversationId;
        request.Messages = plan.Messages as IList<ChatMessage> ?? [.. plan.Messages];
        return request;
    }
}
