namespace ThreadClient.Sessions;

/// <summary>What a session does when its thread (or previous response) is gone: 404, an invalid id, expiry.</summary>
public enum ThreadFallbackPolicy
{
    /// <summary>Start a new thread and send the same turn again, once. The default.</summary>
    StartNewThread = 0,

    /// <summary>Throw the <see cref="ThreadGoneException"/>; the session is left as it was.</summary>
    Throw,

    /// <summary>Start a new thread and send the last <see cref="ThreadSessionOptions.ReplayTurns"/> turns of the local transcript before the same turn, so that context survives.</summary>
    StartNewThreadAndReplay,
}
