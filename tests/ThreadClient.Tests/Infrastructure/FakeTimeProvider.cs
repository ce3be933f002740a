namespace ThreadClient.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when a test says so. Timers fire when the clock is advanced past
/// their due time. (Microsoft.Extensions.TimeProvider.Testing is not installable here.)
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How many timers are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>When the earliest pending timer is due, if any.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>Waits (in real time, briefly) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(2);
        }
    }

    /// <summary>
    /// Lets <paramref name="work"/> run, advancing the clock through every timer due within
    /// <paramref name="maxStep"/> (retry delays) but never through longer ones (attempt timeouts).
    /// </summary>
    public async Task RunUntilCompleteAsync(Task work, TimeSpan maxStep)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!work.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The work did not complete.");
            }

            if (NextDue is { } due && due - GetUtcNow() <= maxStep)
            {
                Advance(due - GetUtcNow());
            }
            else
            {
                await Task.WhenAny(work, Task.Delay(2));
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                _timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>
    /// Waits (in real time, briefly) for a pending timer due within <paramref name="maxDue"/>,
    /// advances the clock to it, and returns how far it moved.
    /// </summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync(TimeSpan maxDue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            TimeSpan? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    var wait = timer.DueAt - _now;
                    if (wait <= maxDue && (next is null || wait < next))
                    {
                        next = wait;
                    }
                }
            }

            if (next is { } step)
            {
                Advance(step);
                return step;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"No timer due within {maxDue} was scheduled.");
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
            }
        }
    }

    private void Cancel(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
