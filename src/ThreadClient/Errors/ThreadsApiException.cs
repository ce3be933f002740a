using System.Net;
using System.Text;

namespace ThreadClient;

/// <summary>
/// The base of every error a ThreadClient service call raises after the service answered: it carries
/// the status, the service's error code, type and message, a bounded raw body, the request id and
/// Retry-After. Subclasses exist only where a caller's handling differs.
/// </summary>
public class ThreadsApiException : ThreadsException
{
    /// <summary>Creates the exception from the service's error.</summary>
    /// <param name="error">What the service said.</param>
    public ThreadsApiException(ThreadsApiError error)
        : this(error, summary: null)
    {
    }

    /// <summary>Creates the exception from the service's error, with a sentence saying what it means.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="summary">What the failure means to the caller; it leads the message.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ThreadsApiException(ThreadsApiError error, string? summary, Exception? innerException = null)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Provider, BuildMessage(error, summary), innerException)
    {
        Error = error;
    }

    /// <summary>The most characters of the service's message that <see cref="Exception.Message"/> quotes.</summary>
    public const int MaxServiceMessageLength = 1000;

    /// <summary>Everything the service said about the failure.</summary>
    public ThreadsApiError Error { get; }

    /// <summary>The HTTP status code of the reply.</summary>
    public HttpStatusCode StatusCode => Error.StatusCode;

    /// <summary>The service's error code, when it sent one.</summary>
    public string? ErrorCode => Error.Code;

    /// <summary>The request id, when the service sent one.</summary>
    public string? RequestId => Error.RequestId;

    /// <summary>How long the service asked the caller to wait, when it said.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>The reply's rate-limit headers (limit, remaining, reset, used).</summary>
    public ThreadsRateLimits RateLimits => Error.RateLimits;

    private static string BuildMessage(ThreadsApiError error, string? summary)
    {
        var text = new StringBuilder();
        text.Append(error.Provider).Append(" returned ").Append((int)error.StatusCode).Append(" (").Append(error.StatusCode).Append(')');
        if (summary is not null)
        {
            text.Append(": ").Append(summary);
        }

        if (!string.IsNullOrEmpty(error.Message))
        {
            // A service message can be as long as the body: the exception's message keeps its start; Error.RawBody keeps the rest (bounded).
            var said = error.Message.Length <= MaxServiceMessageLength ? error.Message : string.Concat(error.Message.AsSpan(0, MaxServiceMessageLength), "...[truncated; see Error.RawBody]");
            text.Append(summary is null ? ": " : " Service said: ").Append(said);
        }

        if (error.Code is not null || error.Type is not null)
        {
            text.Append(" [");
            if (error.Code is not null)
            {
                text.Append("code=").Append(error.Code);
            }

            if (error.Type is not null)
            {
                text.Append(error.Code is null ? "" : ", ").Append("type=").Append(error.Type);
            }

            text.Append(']');
        }

        if (error.RequestId is not null)
        {
            text.Append(" (request id ").Append(error.RequestId).Append(')');
        }

        return text.ToString();
    }
}
