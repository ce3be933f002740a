namespace ThreadClient;

/// <summary>The service rejected the thread id itself (Perplexity: 400 whose message names <c>thread_id</c>).</summary>
public sealed class InvalidThreadIdException : ThreadGoneException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What the service said.</param>
    public InvalidThreadIdException(ThreadsApiError error)
        : base(error, "the service rejected the thread id. Start a new thread and send the turn again.")
    {
    }
}
