using Microsoft.Extensions.AI;
using ThreadClient.Aitronos;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>Aitronos model responses as an <see cref="IChatClient"/>: each conversation is a named thread.</summary>
internal sealed class AitronosChatClient : ThreadsChatClient<AitronosInput, AitronosStreamEvent, AitronosResponse>
{
    private readonly AitronosClient _client;
    private readonly string _model;
    private readonly AitronosSessionOptions? _template;

    public AitronosChatClient(AitronosClient client, string model, AitronosSessionOptions? template)
        : base(new ChatClientMetadata("aitronos", client.BaseAddress, model))
    {
        _client = client;
        _model = model;
        _template = template;
    }

    protected override object? Provider => _client;

    protected override AitronosInput Convert(ChatRole role, string text) =>
        role == ChatRole.System ? AitronosInput.System(text)
        : role == ChatRole.Assistant ? AitronosInput.Assistant(text)
        : AitronosInput.User(text);

    protected override bool IsStateless(ChatOptions? options)
    {
        if (StatelessRequested(options) && options?.ConversationId is not null)
        {
            throw new ArgumentException("ChatOptions.ConversationId continues a thread; it cannot be combined with the stateless option.", nameof(options));
        }

        return StatelessRequested(options);
    }

    protected override IThreadSessionStore? ConversationStore => _client.SessionStore;

    protected override ThreadClient.Privacy.SessionEraser Eraser => new(_client.SessionStore, _client.Threads);

    protected override async ValueTask<OpenedSession> OpenAsync(ChatOptions? options, CancellationToken cancellationToken)
    {
        var template = _template;
        var settings = new AitronosSessionOptions
        {
            Model = options?.ModelId ?? _model,
            Fallback = template?.Fallback ?? ThreadFallbackPolicy.StartNewThread,

            // Kept so that a caller who passes the whole history again is recognised (see NewMessages).
            KeepTranscript = true,
            Limits = template?.Limits ?? SessionLimits.Aitronos,
            Metadata = template?.Metadata,
            Store = template?.Store,
            RolloverWhenNotWritable = template?.RolloverWhenNotWritable ?? false,
            ConfigureRequest = template?.ConfigureRequest,
        };
        if (template is not null)
        {
            settings.CopySharedSettingsFrom(template);
            settings.ThreadIdFactory = template.ThreadIdFactory;
            settings.KeepTranscript = true;
        }

        if (options?.ConversationId is not { } threadId)
        {
            return new OpenedSession(_client.StartSession(settings), null);
        }

        return await HeldAsync(threadId, "Aitronos", cancellationToken).ConfigureAwait(false) is { } held
            ? new OpenedSession(_client.ResumeSession(held, settings), null) { Held = held }
            : new OpenedSession(_client.ResumeSession(threadId, settings), null);
    }

    protected override async Task<ChatResponse> StatelessAsync(IReadOnlyList<AitronosInput> turn, ChatOptions? options, CancellationToken cancellationToken)
    {
        var reply = await _client.CreateResponseAsync(Request(turn, options), cancellationToken).ConfigureAwait(false);
        return ToResponse(reply, reply.OutputText ?? "");
    }

    protected override IAsyncEnumerable<AitronosStreamEvent> StreamStateless(IReadOnlyList<AitronosInput> turn, ChatOptions? options, CancellationToken cancellationToken) =>
        _client.StreamResponseAsync(Request(turn, options), cancellationToken);

    protected override ChatResponse ToResponse(AitronosResponse reply, string text) =>
        new(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, text) { RawRepresentation = reply })
        {
            ResponseId = reply.Id,
            ModelId = reply.Model,
            CreatedAt = reply.CreatedAt,
            Usage = Usage(reply.Usage),
            RawRepresentation = reply,
        };

    protected override ChatResponseUpdate ToUpdate(AitronosStreamEvent chunk, string? conversationId) =>
        new(ChatRole.Assistant, chunk.Kind == AitronosStreamEventKind.ContentDelta ? chunk.Delta : null)
        {
            ConversationId = conversationId,
            ResponseId = chunk.ResponseId,
            RawRepresentation = chunk,
        };

    protected override ChatResponseUpdate ToFinalUpdate(AitronosResponse reply)
    {
        var update = new ChatResponseUpdate { Role = ChatRole.Assistant, ResponseId = reply.Id, ModelId = reply.Model, RawRepresentation = reply };
        if (Usage(reply.Usage) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        return update;
    }

    protected override string? ConversationIdOf(AitronosStreamEvent chunk) => chunk.ThreadId;

    private AitronosResponseRequest Request(IReadOnlyList<AitronosInput> turn, ChatOptions? options)
    {
        var request = new AitronosResponseRequest { Model = options?.ModelId ?? _model };
        _template?.ConfigureRequest?.Invoke(request);
        request.Inputs = [.. turn];
        return request;
    }

    private static UsageDetails? Usage(AitronosUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokens,
        OutputTokenCount = usage.OutputTokens,
        TotalTokenCount = usage.TotalTokens,
    };
}
