namespace ThreadClient;

/// <summary>One of the SDK's own timeouts fired (never the caller's cancellation, which stays an <see cref="OperationCanceledException"/>).</summary>
public sealed class ThreadsTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeoutName">Which timeout fired, as its setting is named.</param>
    /// <param name="timeout">Its value.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ThreadsTimeoutException(string timeoutName, TimeSpan timeout, Exception? innerException = null)
        : base($"The {timeoutName} of {timeout.TotalSeconds:0.###} s elapsed (ThreadsClientOptions.Resilience.{timeoutName}).", innerException)
    {
        TimeoutName = timeoutName;
        Timeout = timeout;
    }

    /// <summary>Which timeout fired, as its setting is named (for example <c>CrudAttemptTimeout</c>).</summary>
    public string TimeoutName { get; }

    /// <summary>The timeout's value.</summary>
    public TimeSpan Timeout { get; }
}
