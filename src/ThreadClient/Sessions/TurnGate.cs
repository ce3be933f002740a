namespace ThreadClient.Sessions;

/// <summary>
/// Lets one turn of a session run at a time, strictly in the order the turns were called (a
/// <see cref="SemaphoreSlim"/> does not promise order). A caller cancelled while waiting leaves the
/// queue without blocking those behind it.
/// </summary>
internal sealed class TurnGate
{
    private Task _tail = Task.CompletedTask;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = Interlocked.Exchange(ref _tail, mine.Task);
        try
        {
            await previous.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Pass the turn on once the one before us is done.
            _ = previous.ContinueWith(static (_, state) => ((TaskCompletionSource)state!).TrySetResult(), mine, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }

        return new Releaser(mine);
    }

    internal readonly struct Releaser(TaskCompletionSource turn) : IDisposable
    {
        public void Dispose() => turn.TrySetResult();
    }
}
