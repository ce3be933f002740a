using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>Settings of a <see cref="ResponseChain"/>; copied when the chain starts.</summary>
public sealed class ResponseChainOptions : ThreadSessionOptions
{
    /// <summary>
    /// The service refuses a <c>previousResponseId</c> older than 24 hours; a chain restarts (visibly)
    /// before sending one older than this. 23 h 55 min, so that a turn in flight does not cross the limit.
    /// </summary>
    public static readonly TimeSpan DefaultMaxPreviousResponseAge = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(5);

    /// <summary>Creates the settings; the chain restarts once the previous response is <see cref="DefaultMaxPreviousResponseAge"/> old.</summary>
    public ResponseChainOptions()
        : base(new SessionLimits { MaxIdle = DefaultMaxPreviousResponseAge })
    {
    }

    /// <summary>The model; <see cref="AitronosOptions.DefaultModel"/> when <see langword="null"/>.</summary>
    public string? Model { get; set; }

    /// <summary><c>store</c>: <see langword="false"/> for an ephemeral chain that keeps nothing on the server. Not sent when <see langword="null"/>.</summary>
    public bool? Store { get; set; }

    /// <summary>Sets extra fields on each turn's request; the chain sets the model, store, <c>previousResponseId</c> and inputs, and never <c>thread</c>.</summary>
    public Action<AitronosResponseRequest>? ConfigureRequest { get; set; }

    internal override ThreadSessionOptions Snapshot()
    {
        Validate("options");
        return (ResponseChainOptions)MemberwiseClone();
    }
}
