using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>How a session's (or a chain's) turn becomes an Aitronos model response request.</summary>
internal sealed class AitronosConversation : ConversationDriver<AitronosInput, AitronosStreamEvent, AitronosResponse>
{
    private readonly AitronosClient _client;
    private readonly string _model;
    private readonly bool? _store;
    private readonly Action<AitronosResponseRequest>? _configure;
    private readonly ThreadMetadata? _metadata;
    private readonly Func<string>? _newThreadId;

    private AitronosConversation(AitronosClient client, string model, bool? store, Action<AitronosResponseRequest>? configure, ThreadMetadata? metadata, Func<string>? newThreadId)
    {
        _client = client;
        _model = model;
        _store = store;
        _configure = configure;
        _metadata = metadata;
        _newThreadId = newThreadId;
    }

    public override string Provider => "Aitronos";

    public override SessionKind Kind => _newThreadId is null ? SessionKind.ResponseChain : SessionKind.Thread;

    public static AitronosConversation ForThread(AitronosClient client, string model, AitronosSessionOptions options) =>
        new(client, model, options.Store, options.ConfigureRequest, options.Metadata, options.ThreadIdFactory);

    public static AitronosConversation ForChain(AitronosClient client, string model, ResponseChainOptions options) =>
        new(client, model, options.Store, options.ConfigureRequest, metadata: null, newThreadId: null);

    public override AitronosInput User(string text) => AitronosInput.User(text);

    public override AitronosInput Assistant(string text) => AitronosInput.Assistant(text);

    public override AitronosInput Message(string role, string text) => new() { Role = role, Texts = { new AitronosText { Text = text } } };

    public override TranscriptMessage ToTranscript(AitronosInput message) =>
        new(message.Role, message.Texts.Count == 1 ? message.Texts[0].Text : string.Concat(message.Texts.Select(static t => t.Text)));

    public override string? NewConversationId() => _newThreadId?.Invoke();

    public override Task<AitronosResponse> SendAsync(TurnPlan<AitronosInput> plan, CancellationToken cancellationToken) =>
        _client.CreateResponseAsync(Request(plan), cancellationToken);

    public override IAsyncEnumerable<AitronosStreamEvent> StreamAsync(TurnPlan<AitronosInput> plan, CancellationToken cancellationToken) =>
        _client.StreamResponseAsync(Request(plan), cancellationToken);

    public override IReplyFold<AitronosStreamEvent, AitronosResponse> CreateFold() => new AitronosResponseBuilder();

    public override string? ConversationIdAfter(TurnPlan<AitronosInput> plan, AitronosResponse reply) =>
        Kind == SessionKind.ResponseChain ? reply.Id : reply.ThreadId ?? plan.ConversationId;

    public override string TextOf(AitronosResponse reply) => reply.OutputText ?? "";

    public override TurnUsage? UsageOf(AitronosResponse reply) => reply.Usage?.ToTurnUsage();

    private AitronosResponseRequest Request(TurnPlan<AitronosInput> plan)
    {
        var request = new AitronosResponseRequest { Model = _model };
        _configure?.Invoke(request);
        request.Store = _store ?? request.Store;
        request.Inputs = plan.Messages as IList<AitronosInput> ?? [.. plan.Messages];
        if (Kind == SessionKind.ResponseChain)
        {
            request.Thread = null;
            request.PreviousResponseId = plan.ConversationId;
        }
        else
        {
            request.PreviousResponseId = null;
            request.Thread = plan.ConversationId is not { } id ? null
                : plan.IsFirstOfSession && _metadata is not null ? ThreadReference.WithMetadata(id, _metadata)
                : ThreadReference.FromId(id);
        }

        return request;
    }
}
