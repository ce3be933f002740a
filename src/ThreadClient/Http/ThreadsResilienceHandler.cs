using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ThreadClient.Http;

/// <summary>
/// Runs each request through a Polly v8 pipeline (retry, then a per-attempt timeout) chosen for
/// the kind of call: paid generations are retried only when safe, thread reads and deletes on the
/// full transient set. A non-streaming reply's body is read inside the attempt, so the attempt
/// timeout covers it; a failed attempt's response is disposed before the next attempt. The
/// <see cref="ThreadsClient"/> puts this handler in front of the HTTP client it creates.
/// </summary>
public sealed class ThreadsResilienceHandler : DelegatingHandler
{
    private readonly ResilienceOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage>[] _pipelines;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">The retry and timeout settings; validated now.</param>
    /// <param name="timeProvider">The clock for delays and timeouts; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public ThreadsResilienceHandler(ResilienceOptions options, TimeProvider? timeProvider = null)
        : this(options, timeProvider ?? TimeProvider.System, Random.Shared.NextDouble)
    {
    }

    internal ThreadsResilienceHandler(ResilienceOptions options, TimeProvider clock, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var rules = new RetryRules(options, clock, jitter);
        _pipelines =
        [
            Build(rules, RequestProfile.Crud, options.CrudAttemptTimeout, clock),
            Build(rules, RequestProfile.Generation, options.GenerationAttemptTimeout, clock),
            Build(rules, RequestProfile.StreamingGeneration, options.StreamHeadersTimeout, clock),
        ];
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var profile = RequestProfiles.Of(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await _pipelines[(int)profile].ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        var response = await state.Handler.SendAttemptAsync(state.Request, state.Profile, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request, Profile: profile)).ConfigureAwait(false);

            if (outcome.Exception is TimeoutRejectedException timeout)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = profile switch
                {
                    RequestProfile.Crud => nameof(ResilienceOptions.CrudAttemptTimeout),
                    RequestProfile.Generation => nameof(ResilienceOptions.GenerationAttemptTimeout),
                    _ => nameof(ResilienceOptions.StreamHeadersTimeout),
                };
                throw new ThreadsTimeoutException(name, timeout.Timeout, timeout);
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, RequestProfile profile, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (profile == RequestProfile.StreamingGeneration && response.IsSuccessStatusCode)
        {
            return response;
        }

        return await ResponseBuffer.LoadAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<HttpResponseMessage> Build(RetryRules rules, RequestProfile profile, TimeSpan attemptTimeout, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(rules.ShouldRetry(args.Outcome, profile)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(rules.Delay(args.AttemptNumber, args.Outcome)),
            });
        }

        builder.AddTimeout(attemptTimeout);
        return builder.Build();
    }
}
