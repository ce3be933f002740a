namespace ThreadClient;

/// <summary>
/// The connection failed: the service could not be reached, or the connection broke before a reply
/// came. <see cref="MayHaveBeenProcessed"/> says whether the service may have received the request:
/// for a paid generation it then may have run (and been billed), which is why the SDK did not retry it.
/// </summary>
public sealed class ThreadsConnectionException : ThreadsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider the call went to.</param>
    /// <param name="mayHaveBeenProcessed">Whether the request may have reached the service before the connection failed.</param>
    /// <param name="retried">Whether the SDK may retry this kind of failure for this call (false: it deliberately did not).</param>
    /// <param name="innerException">The transport's exception.</param>
    public ThreadsConnectionException(string? provider, bool mayHaveBeenProcessed, bool retried, Exception innerException)
        : base(provider, Describe(provider, mayHaveBeenProcessed, retried), innerException)
    {
        MayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    /// <summary>Whether the request may have reached the service before the connection failed (a paid generation may then have run).</summary>
    public bool MayHaveBeenProcessed { get; }

    private static string Describe(string? provider, bool sent, bool retried) =>
        (provider ?? "The service") + (sent
            ? retried
                ? ": the connection broke after the request was sent, and the retries failed too."
                : ": the connection broke after the request was sent, so the service may have processed it (a paid generation may have run and been billed); the SDK deliberately did not retry it (RetryMode.Safe). Check before sending it again."
            : ": the service could not be reached (the request was not sent).");
}
