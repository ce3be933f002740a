using Microsoft.Extensions.AI;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

namespace ThreadClient.Extensions.AI;

/// <summary>Perplexity chat completions as an <see cref="IChatClient"/>: threads when the model is <c>sonar-pro</c>, stateless calls otherwise.</summary>
internal sealed class PerplexityChatClient : ThreadsChatClient<Perplexity.ChatMessage, ChatCompletionChunk, ChatCompletion>
{
    private readonly PerplexityClient _client;
    private readonly string _model;
    private readonly PerplexitySessionOptions? _template;

    public PerplexityChatClient(PerplexityClient client, string model, PerplexitySessionOptions? template)
        : base(new ChatClientMetadata("perplexity", client.BaseAddress, model))
    {
        _client = client;
        _model = model;
        _template = template;
    }

    protected override object? Provider => _client;

    protected override Perplexity.ChatMessage Convert(ChatRole role, string text) => new() { Role = role.Value, Content = text };

    protected override bool IsStateless(ChatOptions? options)
    {
        if (Model(options) == PerplexityOptions.ThreadingModel && !StatelessRequested(options))
        {
            return false;
        }

        if (options?.ConversationId is not null)
        {
            throw new ArgumentException($"ChatOptions.ConversationId continues a thread, and Perplexity threads need model {PerplexityOptions.ThreadingModel} without the stateless option (got {Model(options)}).", nameof(options));
        }

        return true;
    }

    protected override IThreadSessionStore? ConversationStore => _client.SessionStore;

    protected override async ValueTask<OpenedSession> OpenAsync(ChatOptions? options, CancellationToken cancellationToken)
    {
        var template = _template;
        var settings = new PerplexitySessionOptions
        {
            Model = Model(options),
            Fallback = template?.Fallback ?? ThreadFallbackPolicy.StartNewThread,

            // Kept so that a caller who passes the whole history again is recognised (see NewMessages).
            KeepTranscript = true,
            Limits = template?.Limits ?? SessionLimits.None,
            DegradeToStatelessWhenThreadingUnavailable = template?.DegradeToStatelessWhenThreadingUnavailable ?? false,
            ConfigureAgentRequest = template?.ConfigureAgentRequest,
            ConfigureRequest = request =>
            {
                template?.ConfigureRequest?.Invoke(request);
                Apply(options, request);
            },
        };
        if (template is not null)
        {
            settings.CopySharedSettingsFrom(template);
            settings.KeepTranscript = true;
        }

        if (options?.ConversationId is not { } threadId)
        {
            return new OpenedSession(_client.StartSession(settings), null);
        }

        if (await HeldAsync(threadId, "Perplexity", cancellationToken).ConfigureAwait(false) is { } held)
        {
            return new OpenedSession(_client.ResumeSession(held, settings), null) { Held = held };
        }

        try
        {
            return new OpenedSession(_client.ResumeSession(threadId, settings), null);
        }
        catch (ArgumentException ex) when (ex.ParamName == "threadId")
        {
            throw new ArgumentException("ChatOptions.ConversationId must be a Perplexity thread id (a UUID).", nameof(options), ex);
        }
    }

    protected override async Task<ChatResponse> StatelessAsync(IReadOnlyList<Perplexity.ChatMessage> turn, ChatOptions? options, CancellationToken cancellationToken)
    {
        var reply = await _client.CreateChatCompletionAsync(Request(turn, options), cancellationToken).ConfigureAwait(false);
        return ToResponse(reply, reply.Content ?? "");
    }

    protected override IAsyncEnumerable<ChatCompletionChunk> StreamStateless(IReadOnlyList<Perplexity.ChatMessage> turn, ChatOptions? options, CancellationToken cancellationToken) =>
        _client.StreamChatCompletionAsync(Request(turn, options), cancellationToken);

    protected override ChatResponse ToResponse(ChatCompletion reply, string text)
    {
        var content = new TextContent(text) { Annotations = Citations(reply) };
        var response = new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, [content]) { RawRepresentation = reply })
        {
            ResponseId = reply.Id,
            ModelId = reply.Model,
            CreatedAt = reply.CreatedAt,
            FinishReason = reply.Choices.Count > 0 && reply.Choices[0].FinishReason is { } reason ? new ChatFinishReason(reason) : null,
            Usage = Usage(reply.Usage),
            RawRepresentation = reply,
            AdditionalProperties = Extras(reply),
        };
        return response;
    }

    protected override ChatResponseUpdate ToUpdate(ChatCompletionChunk chunk, string? conversationId) => new(ChatRole.Assistant, chunk.DeltaText)
    {
        ConversationId = conversationId,
        ResponseId = chunk.Id,
        ModelId = chunk.Model,
        CreatedAt = chunk.CreatedAt,
        FinishReason = chunk.Choices.Count > 0 && chunk.Choices[0].FinishReason is { } reason ? new ChatFinishReason(reason) : null,
        RawRepresentation = chunk,
    };

    protected override ChatResponseUpdate ToFinalUpdate(ChatCompletion reply)
    {
        var update = new ChatResponseUpdate { Role = ChatRole.Assistant, ResponseId = reply.Id, ModelId = reply.Model, RawRepresentation = reply, AdditionalProperties = Extras(reply) };
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

    protected override string? ConversationIdOf(ChatCompletionChunk chunk) => chunk.ThreadId;

    private string Model(ChatOptions? options) => options?.ModelId ?? _model;

    private ChatCompletionRequest Request(IReadOnlyList<Perplexity.ChatMessage> turn, ChatOptions? options)
    {
        var request = new ChatCompletionRequest { Model = Model(options) };
        _template?.ConfigureRequest?.Invoke(request);
        Apply(options, request);
        request.Messages = [.. turn];
        return request;
    }

    private static void Apply(ChatOptions? options, ChatCompletionRequest request)
    {
        if (options is null)
        {
            return;
        }

        request.Temperature = options.Temperature ?? request.Temperature;
        request.TopP = options.TopP ?? request.TopP;
        request.TopK = options.TopK ?? request.TopK;
        request.MaxTokens = options.MaxOutputTokens ?? request.MaxTokens;
        request.PresencePenalty = options.PresencePenalty ?? request.PresencePenalty;
        request.FrequencyPenalty = options.FrequencyPenalty ?? request.FrequencyPenalty;
        if (options.StopSequences is { Count: > 0 } stop)
        {
            request.Stop = [.. stop];
        }
    }

    private static UsageDetails? Usage(ChatUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
        ReasoningTokenCount = usage.ReasoningTokens,
    };

    private static List<AIAnnotation>? Citations(ChatCompletion reply) =>
        reply.Citations is { Count: > 0 } urls
            ? urls.Select(url => (AIAnnotation)new CitationAnnotation { Url = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null, Title = reply.SearchResults?.FirstOrDefault(r => r.Url == url)?.Title }).ToList()
            : null;

    private static AdditionalPropertiesDictionary? Extras(ChatCompletion reply)
    {
        var extras = new AdditionalPropertiesDictionary();
        if (reply.SearchResults is { } results)
        {
            extras[ThreadsChatProperties.SearchResults] = results;
        }

        if (reply.RelatedQuestions is { } questions)
        {
            extras[ThreadsChatProperties.RelatedQuestions] = questions;
        }

        return extras.Count > 0 ? extras : null;
    }
}
