namespace ThreadClient.Sessions;

/// <summary>How long the session stores keep a record: every record expires after an idle time; one that holds conversation text also after a maximum age.</summary>
internal static class SessionRetention
{
    public static readonly TimeSpan DefaultExpiration = TimeSpan.FromDays(90);

    public static readonly TimeSpan DefaultTextExpiration = TimeSpan.FromDays(30);

    public static readonly TimeSpan DefaultTextMaxAge = TimeSpan.FromDays(90);

    /// <summary>When the record expires, used or not (its text's maximum age), or <see langword="null"/> when it holds no text.</summary>
    /// <remarks>A record built without a start time (<c>CreatedAt</c> left at its default) has no maximum age.</remarks>
    public static DateTimeOffset? AbsoluteExpiry(SessionRecord record, TimeSpan textMaxAge) =>
        record.HoldsText && record.CreatedAt != default ? record.CreatedAt + textMaxAge : null;

    /// <summary>How long the record lives without use.</summary>
    public static TimeSpan Idle(SessionRecord record, TimeSpan expiration, TimeSpan textExpiration) =>
        record.HoldsText ? textExpiration : expiration;

    /// <summary>Whether the record has expired at <paramref name="now"/>.</summary>
    /// <remarks>A record with neither a start nor a last use (built by hand) does not expire by idleness.</remarks>
    public static bool Expired(SessionRecord record, DateTimeOffset now, TimeSpan expiration, TimeSpan textExpiration, TimeSpan textMaxAge) =>
        ((record.LastUsedAt ?? (record.CreatedAt == default ? null : record.CreatedAt)) is { } since && now - since >= Idle(record, expiration, textExpiration))
        || (AbsoluteExpiry(record, textMaxAge) is { } expiry && now >= expiry);
}
