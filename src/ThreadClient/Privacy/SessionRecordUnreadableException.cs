namespace ThreadClient;

/// <summary>
/// A stored session record whose text could not be decrypted: it was protected with a key this app's
/// key ring does not hold (another key ring, a key that was deleted, another purpose), or was altered.
/// The conversation is not started again as if it were new: decide whether to forget it
/// (<c>client.Sessions.ForgetAsync</c>) or to fix the key ring.
/// </summary>
public sealed class SessionRecordUnreadableException : ThreadsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider of the record's conversation.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The Data Protection error.</param>
    public SessionRecordUnreadableException(string provider, string message, Exception? innerException = null)
        : base(provider, message, innerException)
    {
    }
}
