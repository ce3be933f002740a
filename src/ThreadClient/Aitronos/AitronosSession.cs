using Microsoft.Extensions.Logging;
using ThreadClient.Sessions;

namespace ThreadClient.Aitronos;

/// <summary>
/// An Aitronos conversation on a named thread: each turn sends <c>thread</c> (the id, or the object
/// with metadata on a new thread's first turn) and only the new inputs. Start one with
/// <see cref="AitronosClient.StartSession"/>.
/// </summary>
public sealed class AitronosSession : ThreadSession<AitronosInput, AitronosStreamEvent, AitronosResponse>
{
    internal AitronosSession(AitronosConversation driver, AitronosSessionOptions options, SessionRecord record, SessionBinding? binding, TimeProvider clock, ILogger logger)
        : base(driver, options, record, binding, clock, logger)
    {
    }

    /// <summary>The thread id; <see langword="null"/> before the first turn.</summary>
    public string? ThreadId => ConversationId;
}
