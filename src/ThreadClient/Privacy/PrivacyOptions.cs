using Microsoft.AspNetCore.DataProtection;

namespace ThreadClient.Privacy;

/// <summary>
/// What the client does with conversation text it keeps (<c>ThreadsClientOptions.Privacy</c>):
/// whether it keeps transcripts at all, whether they are encrypted before they reach the session store,
/// and a filter applied to the text it stores. Transcripts are personal data: see the README's Privacy section.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>The default <see cref="ProtectionPurpose"/>.</summary>
    public const string DefaultProtectionPurpose = "ThreadClient.SessionRecords.v1";

    /// <summary>
    /// Whether sessions keep a transcript (default <see langword="true"/>). Off, records hold thread ids
    /// and counts only: a session that needs a transcript (the Agent API's replay, a fallback that
    /// replays, a Perplexity session that would move to the Agent API when chat completions are retired)
    /// is refused when it starts, with an exception naming the setting, instead of failing later.
    /// </summary>
    public bool KeepTranscripts { get; set; } = true;

    /// <summary>
    /// Encrypts the text of every record (transcript, summary) with ASP.NET Core Data Protection before it
    /// reaches the session store, and decrypts it on read; ids, counts and dates stay readable. Opt-in:
    /// <see langword="null"/> (the default) stores the text as it is. Under dependency injection, set
    /// <see cref="ProtectTranscripts"/> instead to use the container's provider.
    /// </summary>
    public IDataProtectionProvider? DataProtectionProvider { get; set; }

    /// <summary>Under dependency injection: encrypt with the container's <see cref="IDataProtectionProvider"/> (<c>services.AddDataProtection()</c>). Default <see langword="false"/>.</summary>
    public bool ProtectTranscripts { get; set; }

    /// <summary>The Data Protection purpose of the records, one per application; records protected under another purpose do not read. Default <see cref="DefaultProtectionPurpose"/>.</summary>
    public string ProtectionPurpose { get; set; } = DefaultProtectionPurpose;

    /// <summary>
    /// Applied to every message text (and summary) before the record is stored, for example to mask card
    /// numbers; not to what is sent to the model on the turn itself. What the store keeps is what a later
    /// replay from the store sends, so scrub what the model may do without.
    /// </summary>
    public Func<string, string>? Scrubber { get; set; }

    internal PrivacyOptions Copy() => (PrivacyOptions)MemberwiseClone();

    internal void Validate(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ProtectionPurpose, prefix + nameof(ProtectionPurpose));
    }
}
