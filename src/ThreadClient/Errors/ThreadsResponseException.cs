namespace ThreadClient;

/// <summary>
/// The service answered, but the reply cannot be used: not the JSON the API defines (an HTML page, a
/// truncated body), an error envelope sent with a success status, a body in an encoding the SDK cannot
/// decode, or a reply with no answer at all. <see cref="ThreadsApiException.Error"/> carries the status, the
/// request id and the bounded raw body; <see cref="ThreadsApiException.ErrorCode"/> says which
/// (<c>unreadable_reply</c>, <c>undecodable_body</c>, <c>empty_reply</c>, or the service's code).
/// </summary>
public sealed class ThreadsResponseException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The reply as the SDK saw it.</param>
    /// <param name="summary">What was wrong with it.</param>
    /// <param name="innerException">The reader's exception, if any.</param>
    public ThreadsResponseException(ThreadsApiError error, string summary, Exception? innerException = null)
        : base(error, summary, innerException)
    {
    }
}
