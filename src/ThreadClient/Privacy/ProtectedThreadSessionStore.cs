using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ThreadClient.Sessions;

namespace ThreadClient.Privacy;

/// <summary>
/// A session store that keeps conversation text private on its way to another store: each message text and
/// summary goes through the scrubber, then the text (transcript and summary) is encrypted with ASP.NET Core
/// Data Protection into <see cref="SessionRecord.ProtectedText"/>, so the inner store holds ids, counts and
/// dates but no conversation text. On read the text is decrypted; a record written before protection was
/// turned on reads as it is (and is protected when it is next written); one that cannot be decrypted is a
/// <see cref="SessionRecordUnreadableException"/>, never an empty conversation. Key rotation is Data
/// Protection's: records written with an older key of the ring still read.
/// </summary>
public sealed class ProtectedThreadSessionStore : IThreadSessionStore
{
    private readonly IThreadSessionStore _inner;
    private readonly IDataProtector? _protector;
    private readonly Func<string, string>? _scrubber;

    /// <summary>Creates the store.</summary>
    /// <param name="inner">Where the records go.</param>
    /// <param name="protector">Encrypts the text (<c>provider.CreateProtector(purpose)</c>); <see langword="null"/> to scrub only.</param>
    /// <param name="scrubber">Applied to every message text and summary before the record is written; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public ProtectedThreadSessionStore(IThreadSessionStore inner, IDataProtector? protector, Func<string, string>? scrubber = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _protector = protector;
        _scrubber = scrubber;
    }

    /// <summary>The store the records go to.</summary>
    public IThreadSessionStore Inner => _inner;

    /// <inheritdoc />
    /// <exception cref="SessionRecordUnreadableException">The record's text was protected with a key or purpose this store cannot use.</exception>
    public async ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var record = await _inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (record?.ProtectedText is not { } protectedText)
        {
            return record;
        }

        if (_protector is null)
        {
            return SessionBinding.Readable(record);
        }

        RecordText? text;
        try
        {
            text = JsonSerializer.Deserialize(_protector.Unprotect(Convert.FromBase64String(protectedText)), SessionJsonContext.Default.RecordText);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            throw new SessionRecordUnreadableException(record.Provider, "The stored record's text cannot be decrypted with this key ring and purpose (another key ring, a deleted key, another ThreadsClientOptions.Privacy.ProtectionPurpose, or an altered value); the conversation was not started again.", ex);
        }

        return record with { Transcript = text?.Transcript, Summary = text?.Summary, ProtectedText = null };
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var transcript = _scrubber is null || record.Transcript is null ? record.Transcript : [.. record.Transcript.Select(m => m with { Text = _scrubber(m.Text) })];
        var summary = _scrubber is null || record.Summary is null ? record.Summary : _scrubber(record.Summary);
        if (_protector is not null && (transcript is not null || summary is not null))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(new RecordText(transcript, summary), SessionJsonContext.Default.RecordText);
            record = record with { Transcript = null, Summary = null, ProtectedText = Convert.ToBase64String(_protector.Protect(bytes)) };
        }
        else
        {
            record = record with { Transcript = transcript, Summary = summary };
        }

        return _inner.SetAsync(key, record, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => _inner.PruneAsync(cutoff, cancellationToken);
}

/// <summary>The text of a record, as it is encrypted.</summary>
internal sealed record RecordText(IReadOnlyList<TranscriptMessage>? Transcript, string? Summary);
