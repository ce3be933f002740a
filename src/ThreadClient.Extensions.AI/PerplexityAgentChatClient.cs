using Microsoft.Extensions.AI;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>
/// Perplexity's Agent API as an <see cref="IChatClient"/>. The service keeps no thread, so the
/// conversation lives in the client's session store: <see cref="ChatOptions.ConversationId"/> is a
/// conversation key the adapter mints (<c>conv_...</c>), the same on every turn, under which the
/// transcript is kept and replayed (or the <c>previous_response_id</c> chained, by the session options).
/// </summary>
internal sealed class PerplexityAgentChatClient : ThreadsChatClient<AgentInputMessage, AgentStreamEvent, AgentResponse>
{
    public const string KeyPrefix = "conv_";

    private readonly PerplexityAgentClient _client;
    private readonly string? _model;
    private readonly AgentSessionOptions? _template;

    public PerplexityAgentChatClient(PerplexityAgentClient client, string? model, AgentSessionOptions? template)
        : base(new ChatClientMetadata("perplexity", client.BaseAddress, model ?? template?.Model ?? template?.Preset))
    {
        _client = client;
        _model = model;
        _template = template;
    }

    public static string NewKey() => KeyPrefix + Guid.NewGuid().ToString("N");

    protected override object? Provider => _client;

    protected override ThreadClient.Privacy.SessionEraser Eraser => new(_client.SessionStore, null);

    /// <summary>The conversation id is the store key itself (<c>conv_...</c>).</summary>
    protected override string ErasureKey(string conversationId) => conversationId;

    protected override AgentInputMessage Convert(ChatRole role, string text) =>
        new(role == ChatRole.System ? AgentRole.System : role == ChatRole.Assistant ? AgentRole.Assistant : AgentRole.User, text);

    protected override bool IsStateless(ChatOptions? options)
    {
        if (StatelessRequested(options) && options?.ConversationId is not null)
        {
            throw new ArgumentException("ChatOptions.ConversationId continues a conversation; it cannot be combined with the stateless option.", nameof(options));
        }

        return StatelessRequested(options);
    }

    protected override async ValueTask<OpenedSession> OpenAsync(ChatOptions? options, CancellationToken cancellationToken)
    {
        var settings = Settings(options);
        if (options?.ConversationId is not { } key)
        {
            return new OpenedSession(await _client.GetOrStartSessionAsync(NewKey(), settings, cancellationToken).ConfigureAwait(false), null);
        }

        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            // Not one of ours: a Perplexity thread id from before chat completions were retired.
            return await ReplacedAsync(key, ThreadReplacementReason.EndpointRetired, settings, cancellationToken).ConfigureAwait(false);
        }

        var session = await _client.GetOrStartSessionAsync(key, settings, cancellationToken).ConfigureAwait(false);
        return session.Record.TurnCount > 0
            ? new OpenedSession(session, null) { Held = session.Record }
            : await ReplacedAsync(key, ThreadReplacementReason.ThreadNotFound, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The caller's conversation is not in the store (expired, another store, a thread id): a new one, said so, never a silent reset.</summary>
    private async ValueTask<OpenedSession> ReplacedAsync(string oldKey, ThreadReplacementReason reason, AgentSessionOptions settings, CancellationToken cancellationToken)
    {
        var key = NewKey();
        var session = await _client.GetOrStartSessionAsync(key, settings, cancellationToken).ConfigureAwait(false);
        return new OpenedSession(session, new ThreadReplacedEventArgs(oldKey, key, reason, 0, null));
    }

    /// <summary>Records a conversation that began elsewhere (a thread whose turn migrated) under a new key, so that the caller can go on with it.</summary>
    public async Task<string> AdoptAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> turn, string reply, CancellationToken cancellationToken)
    {
        var key = NewKey();
        var now = _client.TimeProvider.GetUtcNow();
        var transcript = turn.Select(m => new TranscriptMessage(Convert(m.Role, m.Text).Role, m.Text)).Append(new TranscriptMessage(TranscriptMessage.AssistantRole, reply)).ToArray();
        await _client.SessionStore.SetAsync(
            key,
            new SessionRecord { Provider = "Perplexity", Kind = SessionKind.Agent, IsStateless = true, CreatedAt = now, LastUsedAt = now, TurnCount = 1, Transcript = transcript },
            cancellationToken).ConfigureAwait(false);
        return key;
    }

    protected override string? ConversationIdAfter(ThreadSession<AgentInputMessage, AgentStreamEvent, AgentResponse> session, SessionReply<AgentResponse> reply) => session.Key;

    protected override string? KnownConversationId(ThreadSession<AgentInputMessage, AgentStreamEvent, AgentResponse> session, StreamedTurn<AgentStreamEvent, AgentResponse> stream) => session.Key;

    protected override async Task<ChatResponse> StatelessAsync(IReadOnlyList<AgentInputMessage> turn, ChatOptions? options, CancellationToken cancellationToken)
    {
        var reply = await _client.CreateResponseAsync(Request(turn, options), cancellationToken).ConfigureAwait(false);
        return ToResponse(reply, reply.OutputText);
    }

    protected override IAsyncEnumerable<AgentStreamEvent> StreamStateless(IReadOnlyList<AgentInputMessage> turn, ChatOptions? options, CancellationToken cancellationToken) =>
        _client.StreamResponseAsync(Request(turn, options), cancellationToken);

    protected override ChatResponse ToResponse(AgentResponse reply, string text) =>
        new(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, [new TextContent(text) { Annotations = Citations(reply) }]) { RawRepresentation = reply })
        {
            ResponseId = reply.Id,
            ModelId = reply.Model,
            CreatedAt = reply.CreatedAt,
            FinishReason = reply.Status is null or AgentResponseStatus.Completed ? ChatFinishReason.Stop : new ChatFinishReason(reply.Status),
            Usage = Usage(reply.Usage),
            RawRepresentation = reply,
            AdditionalProperties = Extras(reply),
        };

    protected override ChatResponseUpdate ToUpdate(AgentStreamEvent chunk, string? conversationId) =>
        new(ChatRole.Assistant, chunk.Kind == AgentStreamEventKind.OutputTextDelta ? chunk.Delta : null)
        {
            ConversationId = conversationId,
            ResponseId = chunk.Response?.Id,
            ModelId = chunk.Response?.Model,
            RawRepresentation = chunk,
        };

    protected override ChatResponseUpdate ToFinalUpdate(AgentResponse reply)
    {
        var update = new ChatResponseUpdate { Role = ChatRole.Assistant, ResponseId = reply.Id, ModelId = reply.Model, RawRepresentation = reply, AdditionalProperties = Extras(reply), FinishReason = ChatFinishReason.Stop };
        if (Usage(reply.Usage) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        if (Citations(reply) is { } citations)
        {
            update.Contents.Add(new TextContent("") { Annotations = citations });
        }

        return update;
    }

    protected override string? ConversationIdOf(AgentStreamEvent chunk) => null;

    private AgentSessionOptions Settings(ChatOptions? options)
    {
        var template = _template;
        var (model, preset) = Target(options?.ModelId ?? _model);
        var settings = new AgentSessionOptions
        {
            ContextMode = template?.ContextMode ?? AgentContextMode.Replay,
            Model = model ?? (preset is null ? template?.Model : null),
            Preset = preset ?? (model is null ? template?.Preset : null),
            Instructions = template?.Instructions,
            ConfigureRequest = request =>
            {
                template?.ConfigureRequest?.Invoke(request);
                Apply(options, request);
            },
        };
        if (template is not null)
        {
            settings.CopySharedSettingsFrom(template);
        }

        return settings;
    }

    private AgentRequest Request(IReadOnlyList<AgentInputMessage> turn, ChatOptions? options)
    {
        var settings = Settings(options);
        var request = new AgentRequest { Model = settings.Model, Preset = settings.Preset, Instructions = settings.Instructions };
        settings.ConfigureRequest!(request);
        request.Input = new AgentInput(turn);
        return request;
    }

    /// <summary>A model name as the caller gave it: <c>provider/model</c> stays a model; a Sonar name maps through the client's option.</summary>
    private (string? Model, string? Preset) Target(string? name)
    {
        if (name is null)
        {
            return (null, null);
        }

        var target = _client.MapSonarModel(name);
        return target.Contains('/', StringComparison.Ordinal) ? (target, null) : (null, target);
    }

    private static void Apply(ChatOptions? options, AgentRequest request)
    {
        if (options?.MaxOutputTokens is { } max)
        {
            request.MaxOutputTokens = max;
        }
    }

    private static UsageDetails? Usage(AgentUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokens,
        OutputTokenCount = usage.OutputTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.InputTokensDetails?.CacheReadInputTokens,
    };

    private static List<AIAnnotation>? Citations(AgentResponse reply) =>
        reply.Sources is { Count: > 0 } sources
            ? [.. sources.Select(s => (AIAnnotation)new CitationAnnotation { Url = Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) ? uri : null, Title = s.Title, Snippet = s.Snippet })]
            : null;

    private static AdditionalPropertiesDictionary? Extras(AgentResponse reply) =>
        reply.SearchResults is { Count: > 0 } results ? new AdditionalPropertiesDictionary { [ThreadsChatProperties.SearchResults] = results } : null;
}
