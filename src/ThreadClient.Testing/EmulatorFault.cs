namespace ThreadClient.Testing;

/// <summary>A fault the emulator applies to the next matching request(s); see <see cref="FaultInjector"/>.</summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind) => Kind = kind;

    /// <summary>What the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>The status to answer with (<see cref="EmulatorFaultKind.Status"/>).</summary>
    public int StatusCode { get; private init; }

    /// <summary>The body to answer with; a provider-shaped error when <see langword="null"/>.</summary>
    public string? Body { get; private init; }

    /// <summary>Headers to add, for example <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    /// <summary>How long to wait before answering normally (<see cref="EmulatorFaultKind.Delay"/>), by the emulator's clock.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>How many events (<see cref="EmulatorFaultKind.CutStream"/>) or heartbeats (<see cref="EmulatorFaultKind.Heartbeats"/>).</summary>
    public int Count { get; private init; }

    /// <summary>Answer with a status, optional headers and body.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The body; a provider-shaped error when <see langword="null"/>.</param>
    /// <param name="headers">Headers such as <c>Retry-After</c>.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Status(int statusCode, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(EmulatorFaultKind.Status) { StatusCode = statusCode, Body = body, Headers = headers ?? new Dictionary<string, string>() };

    /// <summary>Answer normally after a delay (by the emulator's clock).</summary>
    /// <param name="delay">How long to wait.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Wait(TimeSpan delay) => new(EmulatorFaultKind.Delay) { Delay = delay };

    /// <summary>Read the request, then drop the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault DropConnection() => new(EmulatorFaultKind.DropConnection);

    /// <summary>For a stream: send <paramref name="events"/> events, then drop the connection.</summary>
    /// <param name="events">Events sent before the cut.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault CutStream(int events) => new(EmulatorFaultKind.CutStream) { Count = events };

    /// <summary>For a stream: send <paramref name="count"/> heartbeats, <paramref name="interval"/> apart, before the reply.</summary>
    /// <param name="count">How many heartbeats.</param>
    /// <param name="interval">The wait before each, by the emulator's clock.</param>
    /// <returns>The fault.</returns>
    public static EmulatorFault Heartbeats(int count, TimeSpan interval) => new(EmulatorFaultKind.Heartbeats) { Count = count, Delay = interval };
}

/// <summary>The kinds of <see cref="EmulatorFault"/>.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Answer with a status.</summary>
    Status = 0,

    /// <summary>Answer normally after a delay.</summary>
    Delay,

    /// <summary>Drop the connection after reading the request.</summary>
    DropConnection,

    /// <summary>Cut a stream after some events.</summary>
    CutStream,

    /// <summary>Send heartbeats before a stream's reply.</summary>
    Heartbeats,
}
