namespace ThreadClient.Sessions;

/// <summary>
/// Lets one turn of a session run at a time, in the order the turns were called. A
/// <see cref="SemaphoreSlim"/> hands itself to its asynchronous waiters first in, first out (a release
/// goes straight to the oldest waiter, so a newcomer cannot barge in), costs nothing when no one waits,
/// and drops a waiter whose token is cancelled without blocking those behind it. The session's
/// ordering test holds this to call order under 100 concurrent turns.
/// </summary>
/// <remarks>
/// A cancellation that races with a release can still be handed the semaphore: the waiter is removed
/// from the queue only after the token's callback has run, so a release in between grants it. A turn
/// whose caller has already cancelled must never be sent, so <see cref="EnterAsync"/> checks the token
/// again once it holds the turn and passes the turn on to the next waiter.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "SemaphoreSlim needs disposing only once its AvailableWaitHandle has been created, which this type never does.")]
internal sealed class TurnGate
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        // A free turn is taken at once (SemaphoreSlim answers a cancelled token before that): no async step.
        var wait = _turn.WaitAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? new(new Releaser(_turn)) : WaitForTurnAsync(wait, cancellationToken);
    }

    private async ValueTask<Releaser> WaitForTurnAsync(Task wait, CancellationToken cancellationToken)
    {
        await wait.ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
        {
            _turn.Release();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new Releaser(_turn);
    }

    internal readonly struct Releaser(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }
}
