using System.Diagnostics;
using System.Net;
using ThreadClient.Http;

namespace ThreadClient.Diagnostics;

/// <summary>
/// The trace span and duration measurement of one logical call (all its retries). Costs nothing
/// beyond a check when no listener is attached to <see cref="ThreadsTelemetry.Name"/>.
/// </summary>
internal readonly struct CallTelemetry
{
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly string _provider;
    private readonly string? _host;

    private CallTelemetry(Activity? activity, long started, string provider, string? host)
    {
        _activity = activity;
        _started = started;
        _provider = provider;
        _host = host;
    }

    public static CallTelemetry Start(string provider, HttpRequestMessage request)
    {
        Activity? activity = null;

        // A generation already has its GenAI span (GenAiOperation) around this call: no second span for it.
        if (ThreadsTelemetry.Source.HasListeners() && !RequestProfiles.IsGeneration(RequestProfiles.Of(request)))
        {
            activity = ThreadsTelemetry.Source.StartActivity(provider + " " + request.Method.Method, ActivityKind.Client);
            if (activity is not null && activity.IsAllDataRequested)
            {
                // The path is left out on purpose: it can hold a thread id.
                activity.SetTag("gen_ai.provider.name", GenAiOperation.ProviderName(provider));
                activity.SetTag("http.request.method", request.Method.Method);
                activity.SetTag("server.address", request.RequestUri?.Host);
            }
        }

        return ThreadsTelemetry.RequestDuration.Enabled
            ? new CallTelemetry(activity, Stopwatch.GetTimestamp(), provider, request.RequestUri?.Host)
            : new CallTelemetry(activity, 0, provider, null);
    }

    public void Stop(HttpStatusCode? status, Exception? error)
    {
        var errorType = error switch
        {
            null => status is { } code && (int)code >= 400 ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ThreadsApiException api => ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => error.GetType().Name,
        };
        if (error is ThreadsApiException failed)
        {
            status = failed.StatusCode;
        }

        if (_started != 0)
        {
            ThreadsTelemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>("gen_ai.provider.name", GenAiOperation.ProviderName(_provider)),
                new KeyValuePair<string, object?>("server.address", _host),
                new KeyValuePair<string, object?>("http.response.status_code", status is { } s ? (int)s : null),
                new KeyValuePair<string, object?>("error.type", errorType));
        }

        if (_activity is not null)
        {
            if (status is { } s)
            {
                _activity.SetTag("http.response.status_code", (int)s);
            }

            if (errorType is not null)
            {
                _activity.SetTag("error.type", errorType);
                _activity.SetStatus(ActivityStatusCode.Error);
            }

            _activity.Dispose();
        }
    }
}
