namespace ThreadClient.Sessions;

/// <summary>
/// The seam between the one session implementation and a provider: "send these messages on this
/// conversation and tell me the reply and the conversation id after it". A gone thread surfaces as
/// the provider's <see cref="ThreadGoneException"/>; the session decides what to do.
/// </summary>
internal abstract class ConversationDriver<TMessage, TChunk, TReply>
{
    public abstract string Provider { get; }

    public abstract SessionKind Kind { get; }

    public abstract TMessage User(string text);

    public abstract TMessage Assistant(string text);

    /// <summary>A message from a transcript entry, for replay.</summary>
    public abstract TMessage Message(string role, string text);

    /// <summary>What the transcript keeps of a message: its role and text.</summary>
    public abstract TranscriptMessage ToTranscript(TMessage message);

    /// <summary>Whether the service holds the conversation; when it does not, every turn replays the transcript.</summary>
    public virtual bool KeepsServerState => true;

    /// <summary>Whether the session must keep a transcript whatever its options (a service without state, or one that may be migrated off).</summary>
    public virtual bool NeedsTranscript => false;

    /// <summary>Whether the error says the endpoint moved and the conversation should go on at its successor (from then on, <see cref="KeepsServerState"/> is false).</summary>
    public virtual bool Migrates(Exception error) => false;

    /// <summary>The id to use for a conversation the client names itself (Aitronos threads); null when the server assigns one.</summary>
    public abstract string? NewConversationId();

    public abstract Task<TReply> SendAsync(TurnPlan<TMessage> plan, CancellationToken cancellationToken);

    public abstract IAsyncEnumerable<TChunk> StreamAsync(TurnPlan<TMessage> plan, CancellationToken cancellationToken);

    public abstract IReplyFold<TChunk, TReply> CreateFold();

    /// <summary>The conversation id after the reply: the thread id it carries (the latest wins), the chain's new response id, or null for a stateless call without one.</summary>
    public abstract string? ConversationIdAfter(TurnPlan<TMessage> plan, TReply reply);

    public abstract string TextOf(TReply reply);

    /// <summary>Whether a reply without text still answers the turn (an Agent API reply that asks for function calls).</summary>
    public virtual bool AnswersWithoutText(TReply reply) => false;

    /// <summary>Whether the client may keep transcripts (<see cref="Privacy.PrivacyOptions.KeepTranscripts"/>); a session that needs one is refused when it starts.</summary>
    public bool TranscriptsAllowed { get; set; } = true;

    /// <summary>Whether the provider takes a <c>prompt_cache_key</c> (the session then keeps one per conversation).</summary>
    public virtual bool UsesPromptCacheKey => false;

    /// <summary>What the reply's request cost, as the provider reported it.</summary>
    public virtual TurnUsage? UsageOf(TReply reply) => null;

    /// <summary>Why the answer was cut off before it was finished (a token limit), or <see langword="null"/> when it was not.</summary>
    public virtual string? CutOffReason(TReply reply) => null;

    /// <summary>Throws when the reply must not be recorded as the turn's answer (it failed, was cancelled, or was cut off before any text).</summary>
    public virtual void ThrowIfRefused(TReply reply, string text)
    {
    }
}

/// <summary>Folds a stream's chunks into the reply the non-streaming call would have returned.</summary>
internal interface IReplyFold<in TChunk, out TReply>
{
    void Append(TChunk chunk);

    TReply Build();
}
