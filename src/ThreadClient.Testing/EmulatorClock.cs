namespace ThreadClient.Testing;

/// <summary>
/// The emulator's clock: the configured <see cref="TimeProvider"/> plus an offset that
/// <see cref="ThreadsEmulator.AdvanceClock"/> (or the control plane's <c>POST /_emulator/clock/advance</c>)
/// moves forward, so expiry and age limits can be reached without waiting, even when the emulator runs
/// on the system clock in another process. Timers (delays and heartbeats) run on the configured provider.
/// </summary>
internal sealed class EmulatorClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
