using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using ThreadClient.Diagnostics;

namespace ThreadClient.Http;

/// <summary>
/// Runs each request through a Polly v8 pipeline (retry, then the opt-in circuit breaker, then a
/// per-attempt timeout) chosen for the kind of call: paid generations are retried only when safe,
/// thread reads and deletes on the full transient set. A non-streaming reply's body is read inside
/// the attempt, so the attempt timeout covers it; a failed attempt's response is disposed before the
/// next attempt. A stream's body gets an idle timeout between reads. The <see cref="ThreadsClient"/>
/// puts this handler in front of the HTTP client it creates, and <c>AddThreadsClient</c> in front of
/// the factory's.
/// </summary>
public sealed class ThreadsResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<int> RetriesKey = new("ThreadClient.Retries");
    private static readonly ResiliencePropertyKey<HttpRequestMessage?> RequestKey = new("ThreadClient.Request");

    private readonly ResilienceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly RetryRules _rules;
    private readonly ResiliencePipeline<HttpResponseMessage>[]? _pipelines;
    private readonly ConcurrentDictionary<(string Host, RequestProfile Profile), ResiliencePipeline<HttpResponseMessage>>? _perHost;
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>>? _breakers;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry and timeout settings; validated now and read once.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Where retries, give-ups and circuit changes are logged; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public ThreadsResilienceHandler(ResilienceOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(options, timeProvider ?? TimeProvider.System, Random.Shared.NextDouble, logger)
    {
    }

    internal ThreadsResilienceHandler(ResilienceOptions options, TimeProvider clock, Func<double> jitter, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger.Instance;
        _rules = new RetryRules(options, clock, jitter);
        if (options.CircuitBreaker.Enabled)
        {
            _perHost = new();
            _breakers = new(StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            _pipelines = [.. Enum.GetValues<RequestProfile>().Select(profile => Build(profile, null))];
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = RequestProfiles.Of(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await PipelineFor(request, profile).ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(state.Request, state.Profile, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Profile: profile)).ConfigureAwait(false);

            if (outcome.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                // The caller's cancellation stays the caller's, whatever was running when it came.
                throw new OperationCanceledException(outcome.Exception.Message, outcome.Exception, cancellationToken);
            }

            LogGiveUp(request, outcome, context.Properties.GetValue(RetriesKey, 0));
            if (outcome.Exception is TimeoutRejectedException timeout)
            {
                throw new ThreadsTimeoutException(TimeoutName(profile), timeout.Timeout, timeout);
            }


            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string TimeoutName(RequestProfile profile) => profile switch
    {
        RequestProfile.Crud or RequestProfile.Create => nameof(ResilienceOptions.CrudAttemptTimeout),
        RequestProfile.Generation or RequestProfile.Foreign => nameof(ResilienceOptions.GenerationAttemptTimeout),
        _ => nameof(ResilienceOptions.StreamHeadersTimeout),
    };

    private static string HostOf(HttpRequestMessage? request) => request?.RequestUri?.Authority ?? "";

    private static HttpRequestMessage? RequestOf(ResilienceContext context) => context.Properties.GetValue(RequestKey, null);

    /// <summary>The reply's request id for a log line, with the request's own credentials taken out in case the service echoed them there.</summary>
    private static string? RequestIdOf(HttpResponseMessage? response) =>
        response is not null && response.Headers.TryGetValues("x-request-id", out var values) ? Credentials.Redact(values.FirstOrDefault(), response.RequestMessage) : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "unknown";

    private static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError
            : outcome.Exception is HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException;

    private ResiliencePipeline<HttpResponseMessage> PipelineFor(HttpRequestMessage request, RequestProfile profile)
    {
        if (_pipelines is not null)
        {
            return _pipelines[(int)profile];
        }

        return _perHost!.GetOrAdd((HostOf(request), profile), static (key, handler) => handler.Build(key.Profile, handler.BreakerFor(key.Host)), this);
    }

    private ResiliencePipeline<HttpResponseMessage> BreakerFor(string host) =>
        _breakers!.GetOrAdd(host, static (key, handler) => handler.BuildBreaker(key), this);

    /// <summary>One attempt, as the outcome Polly judges (an exception is an outcome, not thrown: no extra async layer to catch it in).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, RequestProfile profile, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.RequestPath(_logger, request.Method.Method, request.RequestUri?.PathAndQuery ?? "", response.StatusCode);
            }

            if (profile == RequestProfile.StreamingGeneration && response.IsSuccessStatusCode)
            {
                response.Content = new IdleTimeoutContent(response.Content, _options.StreamIdleTimeout, _clock);
                return Outcome.FromResult(response);
            }

            return Outcome.FromResult(await BufferedContent.LoadAsync(response, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RequestProfile profile, ResiliencePipeline<HttpResponseMessage>? breaker)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome, profile)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(_rules.Delay(args.AttemptNumber, args.Outcome)),
                OnRetry = args =>
                {
                    OnRetry(args);
                    return default;
                },
            });
        }

        if (breaker is not null)
        {
            builder.AddPipeline(breaker);
        }

        builder.AddTimeout(profile switch
        {
            RequestProfile.Crud or RequestProfile.Create => _options.CrudAttemptTimeout,
            RequestProfile.Generation or RequestProfile.Foreign => _options.GenerationAttemptTimeout,
            _ => _options.StreamHeadersTimeout,
        });
        return builder.Build();
    }

    private ResiliencePipeline<HttpResponseMessage> BuildBreaker(string host)
    {
        var settings = _options.CircuitBreaker;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = static args => new ValueTask<bool>(RetryRules.CountsAgainstCircuit(args.Outcome)),
                OnOpened = args =>
                {
                    Log.CircuitOpened(_logger, host, args.BreakDuration.TotalSeconds);
                    return default;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(_logger, host);
                    return default;
                },
            })
            .Build();
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, RequestProfile profile)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var retry = _rules.ShouldRetry(outcome, profile);
        if (!retry && outcome.Result is { } response && _logger.IsEnabled(LogLevel.Warning)
            && RetryAfterHeader.Read(response, _clock) is { } asked && asked > _options.MaxRetryAfter
            && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            Log.RetryAfterTooLong(_logger, HostOf(RequestOf(context)), asked.TotalSeconds, _options.MaxRetryAfter.TotalSeconds);
        }

        return retry;
    }

    private void OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        args.Context.Properties.Set(RetriesKey, args.AttemptNumber + 1);
        if (ThreadsTelemetry.Retries.Enabled)
        {
            ThreadsTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("server.address", RequestOf(args.Context)?.RequestUri?.Host));
        }

        if (_logger.IsEnabled(LogLevel.Warning))
        {
            var request = RequestOf(args.Context);
            Log.Retrying(
                _logger,
                request?.Method.Method ?? "",
                HostOf(request),
                Describe(args.Outcome),
                (long)args.RetryDelay.TotalMilliseconds,
                args.AttemptNumber + 1,
                _options.MaxRetries,
                RequestIdOf(args.Outcome.Result));
        }
    }

    private void LogGiveUp(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, int retries)
    {
        if (IsTransientFailure(outcome) && _logger.IsEnabled(LogLevel.Warning))
        {
            Log.GivingUp(_logger, request.Method.Method, HostOf(request), retries + 1, Describe(outcome), RequestIdOf(outcome.Result));
        }
    }
}
