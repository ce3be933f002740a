namespace ThreadClient;

/// <summary>
/// The root of everything the SDK raises for a failed call: an error reply (<see cref="ThreadsApiException"/>
/// and its kinds), a connection that failed (<see cref="ThreadsConnectionException"/>), one of the SDK's
/// timeouts (<see cref="ThreadsTimeoutException"/>), a stream that failed after it had started
/// (<see cref="ThreadsStreamException"/>), a reply that could not be read (<see cref="ThreadsResponseException"/>),
/// an open circuit (<see cref="ThreadsCircuitOpenException"/>), or a client without a key
/// (<see cref="ThreadsConfigurationException"/>). <c>catch (ThreadsException)</c> is complete; the original
/// cause, when there was one, is the <see cref="Exception.InnerException"/>. Bad arguments are
/// <see cref="ArgumentException"/>s, thrown before anything is sent, and the caller's own cancellation
/// stays an <see cref="OperationCanceledException"/>.
/// </summary>
public abstract class ThreadsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider the call went to (<c>Perplexity</c>, <c>Aitronos</c>), when known.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    protected ThreadsException(string? provider, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
    }

    /// <summary>The provider the call went to, when known.</summary>
    public string? Provider { get; }
}
