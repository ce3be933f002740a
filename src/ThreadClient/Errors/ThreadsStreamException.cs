namespace ThreadClient;

/// <summary>
/// The service reported an error inside a stream, after it had already answered 200 and perhaps sent
/// part of the reply. What arrived before the error is in <see cref="PartialText"/> when known.
/// </summary>
public sealed class ThreadsStreamException : ThreadsApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said in the error event.</param>
    /// <param name="partialText">The reply text received before the error, if the SDK kept it.</param>
    public ThreadsStreamException(ThreadsApiError error, string? partialText = null)
        : base(error, "the stream reported an error after it had started.")
    {
        PartialText = partialText;
    }

    /// <summary>The reply text received before the error, if the SDK kept it.</summary>
    public string? PartialText { get; }
}
