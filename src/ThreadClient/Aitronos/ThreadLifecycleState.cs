namespace ThreadClient.Aitronos;

/// <summary>A thread's lifecycle state: open &lt;-&gt; locked; open or locked -&gt; archived (permanent).</summary>
public enum ThreadLifecycleState
{
    /// <summary>A state this SDK does not know (read from a newer service).</summary>
    Unknown = 0,

    /// <summary>Accepts new messages (the default).</summary>
    Open,

    /// <summary>Read-only; can be unlocked back to open.</summary>
    Locked,

    /// <summary>Read-only, permanently.</summary>
    Archived,
}
