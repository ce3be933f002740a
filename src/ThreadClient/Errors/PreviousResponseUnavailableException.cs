namespace ThreadClient;

/// <summary>
/// The service no longer has the response named by <c>previousResponseId</c> (older than 24 hours,
/// not stored, or unknown): the chain must start again.
/// </summary>
public sealed class PreviousResponseUnavailableException : ThreadGoneException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public PreviousResponseUnavailableException(ThreadsApiError error)
        : this(error, "the previous response is no longer available (responses can be chained for 24 hours). Start a new chain and send the turn again.")
    {
    }

    /// <summary>Creates the exception with a sentence saying what it means for this provider.</summary>
    /// <param name="error">What the service said.</param>
    /// <param name="summary">What the failure means to the caller.</param>
    public PreviousResponseUnavailableException(ThreadsApiError error, string summary)
        : base(error, summary)
    {
    }
}
