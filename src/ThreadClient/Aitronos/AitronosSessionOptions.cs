using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>Settings of an <see cref="AitronosSession"/>; copied when the session starts.</summary>
public sealed class AitronosSessionOptions : ThreadSessionOptions
{
    /// <summary>Creates the settings, with <see cref="SessionLimits.Aitronos"/> as the proactive rollover limits.</summary>
    public AitronosSessionOptions()
        : base(SessionLimits.Aitronos)
    {
    }

    /// <summary>The model; <see cref="AitronosOptions.DefaultModel"/> when <see langword="null"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Metadata sent with the thread on each new thread's first turn (<c>thread: {id, metadata}</c>).</summary>
    public ThreadMetadata? Metadata { get; set; }

    /// <summary><c>store</c>: <see langword="false"/> keeps the session's threads hidden from the default thread list. Not sent when <see langword="null"/>.</summary>
    public bool? Store { get; set; }

    /// <summary>Names each new thread (Aitronos creates a thread on first use of an id). Default <c>thread_{32 hex digits}</c>.</summary>
    public Func<string> ThreadIdFactory { get; set; } = static () => "thread_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// When the thread is locked or archived, start a new thread and send the turn there instead of
    /// throwing <see cref="ThreadNotWritableException"/>. Default <see langword="false"/>.
    /// </summary>
    public bool RolloverWhenNotWritable { get; set; }

    /// <summary>Sets extra fields on each turn's request (organization id, extra properties); the session sets the model, thread, store and inputs.</summary>
    public Action<AitronosResponseRequest>? ConfigureRequest { get; set; }

    internal override bool RollsOverWhenNotWritable => RolloverWhenNotWritable;

    internal override ThreadSessionOptions Snapshot()
    {
        Validate("options");
        ArgumentNullException.ThrowIfNull(ThreadIdFactory, "options.ThreadIdFactory");
        var copy = (AitronosSessionOptions)MemberwiseClone();

        // The metadata is the one mutable member: a running session keeps what it was started with.
        copy.Metadata = Metadata is null ? null : new ThreadMetadata(Metadata);
        return copy;
    }
}
