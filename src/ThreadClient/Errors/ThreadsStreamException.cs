namespace ThreadClient;

/// <summary>
/// A stream failed after the service had already answered 200 and perhaps sent part of the reply:
/// the service reported an error in-band, or the connection broke (<see cref="ThreadsApiException.ErrorCode"/>
/// <c>stream_interrupted</c>). What arrived before is in <see cref="PartialText"/> when known.
/// A stream is never retried by the SDK once it has started: the generation may have been billed.
/// </summary>
public sealed class ThreadsStreamException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said in the error event.</param>
    /// <param name="partialText">The reply text received before the error, if the SDK kept it.</param>
    /// <param name="innerException">The underlying cause, for a broken connection.</param>
    public ThreadsStreamException(ThreadsApiError error, string? partialText = null, Exception? innerException = null)
        : base(error, innerException is null ? "the stream reported an error after it had started." : "the stream broke after it had started.", innerException)
    {
        PartialText = partialText;
    }

    /// <summary>The reply text received before the error, if the SDK kept it.</summary>
    public string? PartialText { get; }
}
