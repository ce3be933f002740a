using System.Net;
using Microsoft.Extensions.Logging;

namespace ThreadClient.Diagnostics;

/// <summary>
/// Every log line the SDK writes, source-generated. Rules: never a key or an Authorization header;
/// thread and response ids only at Debug.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Retrying {Method} {Host} after {Reason} in {DelayMs} ms (retry {Attempt} of {MaxRetries}, request id {RequestId}).")]
    public static partial void Retrying(ILogger logger, string method, string host, string reason, long delayMs, int attempt, int maxRetries, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Giving up on {Method} {Host} after {Attempts} attempt(s): {Reason} (request id {RequestId}).")]
    public static partial void GivingUp(ILogger logger, string method, string host, int attempts, string reason, string? requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Host} asked to wait {RetryAfterSeconds} s, longer than MaxRetryAfter ({MaxRetryAfterSeconds} s): not retrying.")]
    public static partial void RetryAfterTooLong(ILogger logger, string host, double retryAfterSeconds, double maxRetryAfterSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The circuit to {Host} opened for {BreakSeconds} s after repeated failures.")]
    public static partial void CircuitOpened(ILogger logger, string host, double breakSeconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "The circuit to {Host} closed.")]
    public static partial void CircuitClosed(ILogger logger, string host);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The HttpClient's Timeout ({HttpClientTimeoutSeconds} s) is shorter than ThreadsClientOptions.Resilience.GenerationAttemptTimeout ({AttemptTimeoutSeconds} s): long generations will be cut by HttpClient. Set HttpClient.Timeout to Timeout.InfiniteTimeSpan.")]
    public static partial void HttpClientTimeoutTooShort(ILogger logger, double httpClientTimeoutSeconds, double attemptTimeoutSeconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Request {Method} {Path} answered {Status}.")]
    public static partial void RequestPath(ILogger logger, string method, string path, HttpStatusCode status);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "A {Provider} session moved to a new thread ({Reason}); the turn was sent again with {Replayed} replayed message(s).")]
    public static partial void ThreadReplaced(ILogger logger, string provider, ThreadClient.Sessions.ThreadReplacementReason reason, int replayed);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "A {Provider} session replaced conversation {OldId} with {NewId}.")]
    public static partial void ThreadReplacedIds(ILogger logger, string provider, string? oldId, string? newId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "A {Provider} session adopted conversation {NewId} from the reply (it sent {OldId}).")]
    public static partial void ThreadAdopted(ILogger logger, string provider, string? oldId, string? newId);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "A {Provider} session could not {Operation} the session store: it goes on with its own state, and its turns still succeed; it will save again when the store is back.")]
    public static partial void StoreUnavailable(ILogger logger, string provider, string operation, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "A {Provider} session still could not {Operation} the session store: {Reason}")]
    public static partial void StoreStillUnavailable(ILogger logger, string provider, string operation, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "A {Provider} session reached the session store again.")]
    public static partial void StoreBack(ILogger logger, string provider);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "{Provider} chat completions are retired (the service named the Agent API as their successor): this client's sessions now send their turns to the Agent API with their transcript.")]
    public static partial void ChatCompletionsRetired(ILogger logger, string provider);

    // The summariser's exception is not logged: its message may quote the conversation. The reply carries it.
    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "A {Provider} session could not summarise the {Turns} turn(s) leaving its replay window ({ExceptionType}): they were dropped unsummarised; the turn succeeded and its reply carries the error.")]
    public static partial void CompactionFailed(ILogger logger, string provider, int turns, string exceptionType);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "A {Provider} session's ThreadReplaced handler threw {ExceptionType}; the turn it announced was saved and succeeded.")]
    public static partial void ThreadReplacedHandlerFailed(ILogger logger, string provider, string exceptionType);
}
