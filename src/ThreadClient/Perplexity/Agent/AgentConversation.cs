using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>How a session's turn becomes an Agent API request: the replayed transcript and the turn, or the turn with <c>previous_response_id</c>.</summary>
internal sealed class AgentConversation : ConversationDriver<AgentInputMessage, AgentStreamEvent, AgentResponse>
{
    private readonly PerplexityAgentClient _client;
    private readonly AgentSessionOptions _options;
    private readonly string? _model;
    private readonly string? _preset;

    public AgentConversation(PerplexityAgentClient client, AgentSessionOptions options, string defaultTarget)
    {
        _client = client;
        _options = options;
        if (options.Model is null && options.Preset is null)
        {
            (_model, _preset) = defaultTarget.Contains('/', StringComparison.Ordinal) ? (defaultTarget, (string?)null) : (null, defaultTarget);
        }
        else
        {
            (_model, _preset) = (options.Model, options.Preset);
        }
    }

    public override string Provider => "Perplexity";

    public override SessionKind Kind => SessionKind.Agent;

    public override bool KeepsServerState => _options.ContextMode == AgentContextMode.PreviousResponse;

    public override bool NeedsTranscript => true;

    public override AgentInputMessage User(string text) => AgentInputItem.User(text);

    public override AgentInputMessage Assistant(string text) => AgentInputItem.Assistant(text);

    public override AgentInputMessage Message(string role, string text) => new(AgentRole.IsKnown(role) ? role : AgentRole.User, text);

    public override TranscriptMessage ToTranscript(AgentInputMessage message) => new(message.Role, message.AllText);

    public override string? NewConversationId() => null;

    public override Task<AgentResponse> SendAsync(TurnPlan<AgentInputMessage> plan, CancellationToken cancellationToken) =>
        _client.CreateResponseAsync(Request(plan), cancellationToken);

    public override IAsyncEnumerable<AgentStreamEvent> StreamAsync(TurnPlan<AgentInputMessage> plan, CancellationToken cancellationToken) =>
        _client.StreamResponseAsync(Request(plan), cancellationToken);

    public override IReplyFold<AgentStreamEvent, AgentResponse> CreateFold() => new AgentResponseBuilder();

    public override string? ConversationIdAfter(TurnPlan<AgentInputMessage> plan, AgentResponse reply) => reply.Id;

    public override string TextOf(AgentResponse reply) => reply.OutputText;

    public override bool AnswersWithoutText(AgentResponse reply) => reply.FunctionCalls.Count > 0;

    public override string? CutOffReason(AgentResponse reply) => AgentTurnOutcome.CutOffReason(reply);

    public override bool UsesPromptCacheKey => true;

    public override TurnUsage? UsageOf(AgentResponse reply) => reply.Usage?.ToTurnUsage();

    public override void ThrowIfRefused(AgentResponse reply, string text) => AgentTurnOutcome.ThrowIfRefused(reply, text, AnswersWithoutText(reply));

    private AgentRequest Request(TurnPlan<AgentInputMessage> plan)
    {
        var request = new AgentRequest { Model = _model, Preset = _preset, Instructions = _options.Instructions };
        _options.ConfigureRequest?.Invoke(request);
        request.PromptCacheKey ??= plan.PromptCacheKey;
        request.Input = new AgentInput(plan.Messages);
        var chained = !plan.Stateless && !plan.StartsConversation && plan.ConversationId is not null;
        request.PreviousResponseId = chained ? plan.ConversationId : null;
        if (_options.ContextMode == AgentContextMode.PreviousResponse)
        {
            request.Store = true;
        }

        return request;
    }
}
