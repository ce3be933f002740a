namespace ThreadClient;

/// <summary>One of the SDK's own timeouts fired, or the caller's <see cref="HttpClient.Timeout"/> (<see cref="TimeoutName"/> <c>HttpClient.Timeout</c>); never the caller's cancellation, which stays an <see cref="OperationCanceledException"/>.</summary>
public sealed class ThreadsTimeoutException : ThreadsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeoutName">Which timeout fired, as its setting is named.</param>
    /// <param name="timeout">Its value.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ThreadsTimeoutException(string timeoutName, TimeSpan timeout, Exception? innerException = null)
        : this(provider: null, timeoutName, timeout, innerException)
    {
    }

    /// <summary>Creates the exception for a call to a known provider.</summary>
    /// <param name="provider">The provider the call went to.</param>
    /// <param name="timeoutName">Which timeout fired, as its setting is named.</param>
    /// <param name="timeout">Its value.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ThreadsTimeoutException(string? provider, string timeoutName, TimeSpan timeout, Exception? innerException = null)
        : base(provider, $"The {timeoutName} of {timeout.TotalSeconds:0.###} s elapsed ({(timeoutName.StartsWith("HttpClient", StringComparison.Ordinal) ? timeoutName : "ThreadsClientOptions.Resilience." + timeoutName)}).", innerException)
    {
        TimeoutName = timeoutName;
        Timeout = timeout;
    }

    /// <summary>Which timeout fired, as its setting is named (for example <c>CrudAttemptTimeout</c>).</summary>
    public string TimeoutName { get; }

    /// <summary>The timeout's value.</summary>
    public TimeSpan Timeout { get; }
}
