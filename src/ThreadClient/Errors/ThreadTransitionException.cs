using ThreadClient.Aitronos;

namespace ThreadClient;

/// <summary>
/// A thread lifecycle transition the product document forbids (for example anything out of
/// archived, which is permanent), refused before any request was sent.
/// </summary>
public sealed class ThreadTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="from">The thread's current state.</param>
    /// <param name="to">The state asked for.</param>
    public ThreadTransitionException(ThreadLifecycleState from, ThreadLifecycleState to)
        : base(Describe(from, to))
    {
        From = from;
        To = to;
    }

    /// <summary>The thread's current state.</summary>
    public ThreadLifecycleState From { get; }

    /// <summary>The state asked for.</summary>
    public ThreadLifecycleState To { get; }

    private static string Describe(ThreadLifecycleState from, ThreadLifecycleState to) =>
        from == ThreadLifecycleState.Archived
            ? $"The thread is archived, which is permanent: it cannot become {to.ToString().ToLowerInvariant()}."
            : from == to
                ? $"The thread is already {to.ToString().ToLowerInvariant()}."
                : $"A thread cannot go from {from.ToString().ToLowerInvariant()} to {to.ToString().ToLowerInvariant()}: allowed are open -> locked, locked -> open, and open or locked -> archived.";
}
