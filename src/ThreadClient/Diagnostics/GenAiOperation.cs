using System.Diagnostics;
using System.Globalization;
using ThreadClient.Http;

namespace ThreadClient.Diagnostics;

/// <summary>
/// One generation (a chat completion, an Agent API response, an Aitronos model response; streamed or not)
/// as the OpenTelemetry GenAI semantic conventions describe it: a client span named
/// <c>{gen_ai.operation.name} {gen_ai.request.model}</c> with the request and response attributes, the
/// <c>gen_ai.client.operation.duration</c> histogram and the <c>gen_ai.client.token.usage</c> histogram.
/// <see cref="Start"/> returns <see langword="null"/> when nobody listens, so an unobserved call allocates nothing.
/// </summary>
internal sealed class GenAiOperation
{
    public const string Chat = "chat";

    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string _provider;
    private readonly string? _requestModel;
    private readonly string? _host;
    private readonly int? _port;
    private readonly bool _recordConversationId;
    private int _ended;

    private GenAiOperation(Activity? activity, string provider, string? requestModel, Uri address, bool recordConversationId)
    {
        _activity = activity;
        _started = Stopwatch.GetTimestamp();
        _provider = provider;
        _requestModel = requestModel;
        _host = address.Host;
        _port = address.Port;
        _recordConversationId = recordConversationId;
    }

    /// <summary>Whether anyone listens to the spans or the GenAI metrics: only then is a call observed.</summary>
    public static bool IsEnabled => ThreadsTelemetry.Source.HasListeners() || ThreadsTelemetry.OperationDuration.Enabled || ThreadsTelemetry.TokenUsage.Enabled;

    /// <summary>The <c>gen_ai.provider.name</c> of a provider: <c>perplexity</c> (a value the conventions define) or <c>aitronos</c>.</summary>
    public static string ProviderName(string provider) => provider switch
    {
        "Perplexity" => "perplexity",
        "Aitronos" => "aitronos",
        _ => provider.ToLowerInvariant(),
    };

    /// <summary>Whether the span carries message text.</summary>
    private bool CapturesContent { get; init; }

    /// <summary>Starts observing a generation, or returns <see langword="null"/> when nobody listens.</summary>
    /// <param name="transport">The provider's transport (its endpoint and telemetry settings).</param>
    /// <param name="requestModel">The model the request names.</param>
    /// <param name="conversationId">The thread the request continues, recorded only when the client opted in.</param>
    /// <param name="input">The request, whose messages the span carries when the client captures content.</param>
    public static GenAiOperation? Start(ApiTransport transport, string? requestModel, string? conversationId, IGenAiInput? input = null)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var provider = ProviderName(transport.Endpoint.Provider);
        var address = transport.Endpoint.BaseAddress;
        var activity = ThreadsTelemetry.Source.StartActivity(requestModel is null ? Chat : Chat + " " + requestModel, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", Chat);
            activity.SetTag("gen_ai.provider.name", provider);
            activity.SetTag("gen_ai.request.model", requestModel);
            activity.SetTag("server.address", address.Host);
            activity.SetTag("server.port", address.Port);
            if (transport.RecordConversationIds && conversationId is not null)
            {
                activity.SetTag("gen_ai.conversation.id", conversationId);
            }

            if (transport.CaptureMessageContent && input is not null)
            {
                activity.SetTag("gen_ai.input.messages", GenAiMessages.Json(input.Messages()));
            }
        }

        return new GenAiOperation(activity, provider, requestModel, address, transport.RecordConversationIds) { CapturesContent = transport.CaptureMessageContent };
    }

    /// <summary>Ends the operation with what the reply said (once; later calls do nothing).</summary>
    public void Complete(in GenAiOutcome outcome)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var common = Tags(outcome.ResponseModel);
        if (ThreadsTelemetry.OperationDuration.Enabled)
        {
            ThreadsTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, common);
        }

        if (ThreadsTelemetry.TokenUsage.Enabled)
        {
            RecordTokens(common, outcome.InputTokens, "input");
            RecordTokens(common, outcome.OutputTokens, "output");
        }

        if (_activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("gen_ai.response.model", outcome.ResponseModel);
                activity.SetTag("gen_ai.response.id", outcome.ResponseId);
                activity.SetTag("gen_ai.usage.input_tokens", outcome.InputTokens);
                activity.SetTag("gen_ai.usage.output_tokens", outcome.OutputTokens);

                // The conventions' prompt-cache attributes (both already counted in gen_ai.usage.input_tokens).
                activity.SetTag("gen_ai.usage.cache_read.input_tokens", outcome.CacheReadInputTokens);
                activity.SetTag("gen_ai.usage.cache_creation.input_tokens", outcome.CacheCreationInputTokens);
                if (outcome.FinishReason is { } reason)
                {
                    activity.SetTag("gen_ai.response.finish_reasons", new[] { reason });
                }

                if (CapturesContent && outcome.OutputText is { } answer)
                {
                    activity.SetTag("gen_ai.output.messages", GenAiMessages.Json([("assistant", answer)]));
                }

                if (_recordConversationId && outcome.ConversationId is { } conversation)
                {
                    activity.SetTag("gen_ai.conversation.id", conversation);
                }
            }

            activity.Dispose();
        }
    }

    /// <summary>Ends the operation with its error (<c>error.type</c>: the HTTP status of a service error, else the exception's type).</summary>
    public void Fail(Exception error)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var type = ErrorType(error);
        if (ThreadsTelemetry.OperationDuration.Enabled)
        {
            var tags = Tags(responseModel: null);
            tags.Add("error.type", type);
            ThreadsTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        if (_activity is { } activity)
        {
            activity.SetTag("error.type", type);
            activity.SetStatus(ActivityStatusCode.Error, error is ThreadsException ? error.GetType().Name : null);
            activity.Dispose();
        }
    }

    /// <summary>The <c>error.type</c> of a failure, as the HTTP spans of the SDK name it too.</summary>
    public static string ErrorType(Exception error) => error switch
    {
        ThreadsApiException api => ((int)api.StatusCode).ToString(CultureInfo.InvariantCulture),
        _ => error.GetType().FullName ?? error.GetType().Name,
    };

    private TagList Tags(string? responseModel)
    {
        var tags = new TagList
        {
            { "gen_ai.operation.name", Chat },
            { "gen_ai.provider.name", _provider },
            { "gen_ai.request.model", _requestModel },
            { "server.address", _host },
            { "server.port", _port },
        };
        if (responseModel is not null)
        {
            tags.Add("gen_ai.response.model", responseModel);
        }

        return tags;
    }

    private static void RecordTokens(TagList common, long? count, string type)
    {
        if (count is { } value)
        {
            var tags = common;
            tags.Add("gen_ai.token.type", type);
            ThreadsTelemetry.TokenUsage.Record(value, tags);
        }
    }
}
