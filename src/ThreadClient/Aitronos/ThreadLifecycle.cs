namespace ThreadClient.Aitronos;

/// <summary>The lifecycle rules of the product document, checked before a transition is sent.</summary>
public static class ThreadLifecycle
{
    /// <summary>Whether a thread may go from one state to another.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    /// <returns><see langword="true"/> for open -&gt; locked, locked -&gt; open, open -&gt; archived and locked -&gt; archived.</returns>
    public static bool CanTransition(ThreadLifecycleState from, ThreadLifecycleState to) => (from, to) switch
    {
        (ThreadLifecycleState.Open, ThreadLifecycleState.Locked) => true,
        (ThreadLifecycleState.Locked, ThreadLifecycleState.Open) => true,
        (ThreadLifecycleState.Open, ThreadLifecycleState.Archived) => true,
        (ThreadLifecycleState.Locked, ThreadLifecycleState.Archived) => true,
        _ => false,
    };

    /// <summary>Throws when the transition is not allowed.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The wanted state.</param>
    /// <exception cref="ThreadTransitionException">The lifecycle forbids it.</exception>
    public static void EnsureTransition(ThreadLifecycleState from, ThreadLifecycleState to)
    {
        if (from != ThreadLifecycleState.Unknown && !CanTransition(from, to))
        {
            throw new ThreadTransitionException(from, to);
        }
    }

    internal static string ToWire(ThreadLifecycleState state) => state switch
    {
        ThreadLifecycleState.Open => "open",
        ThreadLifecycleState.Locked => "locked",
        ThreadLifecycleState.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Only open, locked and archived can be sent."),
    };

    internal static ThreadLifecycleState? FromWire(string? text) => text?.ToUpperInvariant() switch
    {
        null => null,
        "OPEN" => ThreadLifecycleState.Open,
        "LOCKED" => ThreadLifecycleState.Locked,
        "ARCHIVED" => ThreadLifecycleState.Archived,
        _ => ThreadLifecycleState.Unknown,
    };
}
