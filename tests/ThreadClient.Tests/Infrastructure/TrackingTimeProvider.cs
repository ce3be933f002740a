using Microsoft.Extensions.Time.Testing;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>
/// Microsoft's <see cref="FakeTimeProvider"/> (time moves only when a test advances it; due timers fire
/// then), plus a view of the timers it is holding, so that a test waits for a timer to be scheduled
/// instead of sleeping and guessing: <see cref="PendingTimers"/>, <see cref="NextDue"/>,
/// <see cref="AdvanceToNextTimerAsync"/> (how long a retry waited), <see cref="RunUntilCompleteAsync"/>.
/// Starts at 2026-01-01T00:00Z.
/// </summary>
public sealed class TrackingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<Tracked> _pending = [];

    public TrackingTimeProvider()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many timers are waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
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
                return _pending.Count == 0 ? null : _pending.Min(t => t.DueAt);
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked(this);
        tracked.Inner = base.CreateTimer(
            s =>
            {
                tracked.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>Waits (in real time, briefly, polling) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what + (state is null ? "" : " (" + state() + ")"));
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
                var now = GetUtcNow();
                foreach (var timer in _pending)
                {
                    var wait = timer.DueAt - now;
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

    /// <summary>Wraps the fake's timer to know when it is due, and when it fired or was disposed.</summary>
    private sealed class Tracked(TrackingTimeProvider owner) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        private int _fires;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            int fires;
            lock (owner._gate)
            {
                _period = period;
                owner._pending.Remove(this);
                DueAt = owner.GetUtcNow() + dueTime;
                fires = _fires;
            }

            // Counted only once armed: a test that sees the timer pending and advances the clock must
            // find it armed (counted first, a timer armed a moment later missed that advance). One that
            // fired or was disposed in between is not counted.
            var changed = Inner.Change(dueTime, period);
            lock (owner._gate)
            {
                if (dueTime != Timeout.InfiniteTimeSpan && _fires == fires && !_disposed)
                {
                    owner._pending.Add(this);
                }
            }

            return changed;
        }

        public void Fired()
        {
            lock (owner._gate)
            {
                _fires++;
                owner._pending.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero)
                {
                    DueAt = owner.GetUtcNow() + _period;
                    owner._pending.Add(this);
                }
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                owner._pending.Remove(this);
            }

            Inner.Dispose();
        }

        public async ValueTask DisposeAsync()
        {
            lock (owner._gate)
            {
                _disposed = true;
                owner._pending.Remove(this);
            }

            await Inner.DisposeAsync();
        }
    }
}
