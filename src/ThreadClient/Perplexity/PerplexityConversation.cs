using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>How a session's turn becomes a Perplexity chat completion request.</summary>
internal sealed class PerplexityConversation : ConversationDriver<ChatMessage, ChatCompletionChunk, ChatCompletion>
{
    private readonly PerplexityClient _client;
    private readonly string _model;
    private readonly Action<ChatCompletionRequest>? _configure;

    public PerplexityConversation(PerplexityClient client, string model, Action<ChatCompletionRequest>? configure)
    {
        _client = client;
        _model = model;
        _configure = configure;
    }

    public override string Provider => "Perplexity";

    public override SessionKind Kind => SessionKind.Thread;

    public override ChatMessage User(string text) => ChatMessage.User(text);

    public override ChatMessage Assistant(string text) => ChatMessage.Assistant(text);

    public override string? NewConversationId() => null;

    public override Task<ChatCompletion> SendAsync(TurnPlan<ChatMessage> plan, CancellationToken cancellationToken) =>
        _client.CreateChatCompletionAsync(Request(plan), cancellationToken);

    public override IAsyncEnumerable<ChatCompletionChunk> StreamAsync(TurnPlan<ChatMessage> plan, CancellationToken cancellationToken) =>
        _client.StreamChatCompletionAsync(Request(plan), cancellationToken);

    public override IReplyFold<ChatCompletionChunk, ChatCompletion> CreateFold() => new ChatCompletionBuilder();

    public override string? ConversationIdAfter(TurnPlan<ChatMessage> plan, ChatCompletion reply) => reply.ThreadId ?? plan.ConversationId;

    public override string TextOf(ChatCompletion reply) => reply.Content ?? "";

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
