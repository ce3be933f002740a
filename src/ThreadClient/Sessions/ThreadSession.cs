using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ThreadClient.Diagnostics;

namespace ThreadClient.Sessions;

/// <summary>
/// One conversation kept on the server: it holds the thread id (or a chain's last response id),
/// sends each turn on it, adopts the id each reply carries, and when the thread is gone starts a new
/// one and sends the same turn again, once, visibly (<see cref="ThreadReplaced"/>, the reply's
/// <see cref="SessionReply{TReply}.Replacement"/>, a warning log). A failed turn leaves the session as
/// it was, so the caller can send it again. Turns on one session run one at a time, in call order;
/// different sessions run in parallel.
/// </summary>
/// <typeparam name="TMessage">The provider's message type.</typeparam>
/// <typeparam name="TChunk">The provider's stream item.</typeparam>
/// <typeparam name="TReply">The provider's reply type.</typeparam>
public abstract class ThreadSession<TMessage, TChunk, TReply>
    where TMessage : class
{
    private readonly ConversationDriver<TMessage, TChunk, TReply> _driver;
    private readonly ThreadSessionOptions _options;
    private readonly SessionBinding? _binding;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private int _storeFailing;
    private readonly TurnGate _gate;
    private readonly TranscriptBudget _budget;
    private SessionRecord _record;

    private protected ThreadSession(ConversationDriver<TMessage, TChunk, TReply> driver, ThreadSessionOptions options, SessionRecord record, SessionBinding? binding, TimeProvider clock, ILogger logger)
    {
        if (!driver.TranscriptsAllowed && options.ReplayTurns > 0 && (options.KeepsTranscript || driver.NeedsTranscript))
        {
            throw new ThreadsConfigurationException(
                driver.Provider,
                $"ThreadsClientOptions.Privacy.KeepTranscripts is off, but this {driver.Provider} session needs a transcript ({TranscriptNeed(driver, options)}): "
                + "set the session's ReplayTurns = 0 to go on with thread ids only (it then cannot replay or move a conversation), or keep transcripts.");
        }

        _driver = driver;
        _options = options;
        _binding = binding;
        _record = WithPromptCacheKey(record);
        _gate = binding is null ? new TurnGate() : KeyedTurnGates.For(binding);
        _clock = clock;
        _logger = logger;
        _budget = new TranscriptBudget(options.ReplayTurns, options.ReplayCharacters, options.ReplayLowWaterMark);
    }

    /// <summary>
    /// Raised after a turn moved the session to a new thread (or made it stateless), once the turn is saved and
    /// the session takes turns again: a handler may send on this session; one that throws is logged and does not
    /// fail the turn. Thread ids are sensitive: do not log them above Debug.
    /// </summary>
    public event EventHandler<ThreadReplacedEventArgs>? ThreadReplaced;

    /// <summary>The thread id (or, for a response chain, the last response id); <see langword="null"/> before the first turn or when stateless.</summary>
    public string? ConversationId => Volatile.Read(ref _record).ConversationId;

    /// <summary>Whether the session sends stateless calls carrying its transcript (threading was unavailable).</summary>
    public bool IsStateless => Volatile.Read(ref _record).IsStateless;

    /// <summary>The session's state as a store would keep it.</summary>
    public SessionRecord Record => Volatile.Read(ref _record);

    /// <summary>The conversation key when the session came from <see cref="ThreadSessionManager"/>; otherwise <see langword="null"/>.</summary>
    public string? Key => _binding?.Key;

    /// <summary>
    /// The transcript kept for replay, oldest first, as the session record holds it (role and text):
    /// empty unless the session needs one (replay, a stateless degrade, a service that keeps no thread,
    /// or a migration off retired chat completions). Bounded by <see cref="ThreadSessionOptions.ReplayTurns"/>
    /// and <see cref="ThreadSessionOptions.ReplayCharacters"/>.
    /// </summary>
    public IReadOnlyList<TMessage> Transcript => Volatile.Read(ref _record).Transcript is { } transcript ? [.. transcript.Select(m => _driver.Message(m.Role, m.Text))] : [];

    private static string TranscriptNeed(ConversationDriver<TMessage, TChunk, TReply> driver, ThreadSessionOptions options) =>
        driver.Kind == SessionKind.Agent ? "the Agent API keeps no conversation, so its sessions replay one; call CreateResponseAsync directly to send turns without one"
        : !driver.KeepsServerState ? "the service keeps no conversation, so every turn replays it"
        : driver.NeedsTranscript ? "it moves to the Agent API with its transcript when chat completions are retired (ChatCompletionsRetirement = Throw avoids that)"
        : options.KeepTranscript ? "KeepTranscript is on"
        : "its fallback replays the transcript";

    /// <summary>What the conversation has cost so far (every turn and compaction), as the record keeps it.</summary>
    public ConversationUsage Usage => Volatile.Read(ref _record).Usage ?? ConversationUsage.None;

    private bool KeepsTranscript => _options.ReplayTurns > 0 && (_options.KeepsTranscript || _driver.NeedsTranscript);

    private string? PromptCacheKeyOf(SessionRecord record) =>
        _options.PromptCacheKeys == PromptCacheKeyPolicy.Off || !_driver.UsesPromptCacheKey ? null : record.PromptCacheKey;

    /// <summary>The record with a prompt cache key, when the provider takes one and the record has none yet (a new conversation, or one stored before keys).</summary>
    private SessionRecord WithPromptCacheKey(SessionRecord record, int? generation = null)
    {
        if (_options.PromptCacheKeys == PromptCacheKeyPolicy.Off || !_driver.UsesPromptCacheKey || (record.PromptCacheKey is not null && generation is null))
        {
            return record;
        }

        var next = generation ?? record.PromptCacheKeyGeneration;
        var key = _options.PromptCacheKeys == PromptCacheKeyPolicy.Derived
            ? _options.PromptCacheKeyFactory!(new PromptCacheKeyContext(_binding?.Key, next))
            : "tc_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("ThreadSessionOptions.PromptCacheKeyFactory returned an empty key.");
        }

        return record with { PromptCacheKey = key, PromptCacheKeyGeneration = next };
    }

    /// <summary>Sends one user turn and returns the reply.</summary>
    /// <param name="text">The user's text.</param>
    /// <param name="cancellationToken">Cancels the turn; the session stays as it was.</param>
    /// <returns>The reply and the session's conversation id after it.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    /// <exception cref="ThreadGoneException">The thread was gone and the policy is <see cref="ThreadFallbackPolicy.Throw"/>, or the new thread failed too.</exception>
    /// <exception cref="ThreadsApiException">The service refused the turn.</exception>
    public Task<SessionReply<TReply>> SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendTurnAsync([UserTurn(text)], cancellationToken);

    /// <summary>Sends one turn made of the given messages (only these are sent; the server holds the rest).</summary>
    /// <param name="messages">The turn's messages, at least one. The list is copied; the messages are not changed.</param>
    /// <param name="cancellationToken">Cancels the turn; the session stays as it was.</param>
    /// <returns>The reply and the session's conversation id after it.</returns>
    /// <exception cref="ArgumentException"><paramref name="messages"/> is empty or holds a null.</exception>
    /// <exception cref="ThreadGoneException">The thread was gone and the policy is <see cref="ThreadFallbackPolicy.Throw"/>, or the new thread failed too.</exception>
    /// <exception cref="ThreadsApiException">The service refused the turn.</exception>
    public Task<SessionReply<TReply>> SendAsync(IEnumerable<TMessage> messages, CancellationToken cancellationToken = default) =>
        SendTurnAsync(Turn(messages), cancellationToken);

    /// <summary>Sends one user turn and streams the reply; read <see cref="StreamedTurn{TChunk, TReply}.Reply"/> after the stream ends.</summary>
    /// <param name="text">The user's text.</param>
    /// <param name="cancellationToken">Cancels the turn; the session stays as it was.</param>
    /// <returns>The stream of the turn; the turn is sent when it is enumerated.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty.</exception>
    public StreamedTurn<TChunk, TReply> StreamAsync(string text, CancellationToken cancellationToken = default) =>
        StreamTurn([UserTurn(text)], cancellationToken);

    /// <summary>Sends one turn made of the given messages and streams the reply.</summary>
    /// <param name="messages">The turn's messages, at least one.</param>
    /// <param name="cancellationToken">Cancels the turn; the session stays as it was.</param>
    /// <returns>The stream of the turn; the turn is sent when it is enumerated. A thread found gone before the first chunk falls back as <see cref="SendAsync(IEnumerable{TMessage}, CancellationToken)"/> does; a stream is never re-sent after its first chunk.</returns>
    /// <exception cref="ArgumentException"><paramref name="messages"/> is empty or holds a null.</exception>
    public StreamedTurn<TChunk, TReply> StreamAsync(IEnumerable<TMessage> messages, CancellationToken cancellationToken = default) =>
        StreamTurn(Turn(messages), cancellationToken);

    private async Task<SessionReply<TReply>> SendTurnAsync(TMessage[] turn, CancellationToken cancellationToken)
    {
        var outcome = await SendInGateAsync(turn, cancellationToken).ConfigureAwait(false);
        Announce(outcome);
        return outcome;
    }

    private async Task<SessionReply<TReply>> SendInGateAsync(TMessage[] turn, CancellationToken cancellationToken)
    {
        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var start = await BeginTurnAsync(turn, cancellationToken).ConfigureAwait(false);
            var plan = start.Plan;
            var pending = start.Pending;
            TReply reply;
            try
            {
                reply = await _driver.SendAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (FallbackReason(ex, plan) is { } reason)
            {
                (plan, pending) = Fallback(start.Record, turn, reason, ex);
                reply = await _driver.SendAsync(plan, cancellationToken).ConfigureAwait(false);
            }

            return await CompleteTurnAsync(start.Record, turn, plan, pending, reply, cancellationToken).ConfigureAwait(false);
        }
    }

    private StreamedTurn<TChunk, TReply> StreamTurn(TMessage[] turn, CancellationToken cancellationToken) =>
        new((stream, enumeratorToken) => StreamCore(turn, stream, cancellationToken, enumeratorToken));

    private static TMessage[] Turn(IEnumerable<TMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turn = messages.ToArray();
        if (turn.Length == 0)
        {
            throw new ArgumentException("A turn needs at least one message.", nameof(messages));
        }

        if (Array.IndexOf(turn, null) >= 0)
        {
            throw new ArgumentException("A turn's messages must not be null.", nameof(messages));
        }

        return turn;
    }

    private TMessage UserTurn(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return _driver.User(text);
    }

    private async IAsyncEnumerable<TChunk> StreamCore(IReadOnlyList<TMessage> turn, StreamedTurn<TChunk, TReply> stream, CancellationToken callToken, [EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        using var linked = callToken.CanBeCanceled && enumeratorToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callToken, enumeratorToken) : null;
        var cancellationToken = linked?.Token ?? (enumeratorToken.CanBeCanceled ? enumeratorToken : callToken);
        SessionReply<TReply>? done = null;
        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var start = await BeginTurnAsync(turn, cancellationToken).ConfigureAwait(false);
            var plan = start.Plan;
            var pending = start.Pending;
            stream.Started(plan.ConversationId);
            var chunks = _driver.StreamAsync(plan, cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool more;
            try
            {
                more = await chunks.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (FallbackReason(ex, plan) is { } reason)
            {
                await chunks.DisposeAsync().ConfigureAwait(false);
                (plan, pending) = Fallback(start.Record, turn, reason, ex);
                stream.Started(plan.ConversationId);
                chunks = _driver.StreamAsync(plan, cancellationToken).GetAsyncEnumerator(cancellationToken);
                more = await chunks.MoveNextAsync().ConfigureAwait(false);
            }

            var fold = _driver.CreateFold();
            try
            {
                while (more)
                {
                    fold.Append(chunks.Current);
                    yield return chunks.Current;
                    more = await chunks.MoveNextAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                await chunks.DisposeAsync().ConfigureAwait(false);
            }

            done = await CompleteTurnAsync(start.Record, turn, plan, pending, fold.Build(), cancellationToken).ConfigureAwait(false);
            stream.Complete(done);
        }

        Announce(done);
    }

    /// <summary>The session's state now (refreshed from the store when bound to one) and the plan of the turn.</summary>
    private ValueTask<TurnStart> BeginTurnAsync(IReadOnlyList<TMessage> turn, CancellationToken cancellationToken) =>
        _binding is null ? new(BeginTurn(Volatile.Read(ref _record), turn)) : RefreshAndBeginAsync(turn, cancellationToken);

    private async ValueTask<TurnStart> RefreshAndBeginAsync(IReadOnlyList<TMessage> turn, CancellationToken cancellationToken) =>
        BeginTurn(await RefreshAsync(cancellationToken).ConfigureAwait(false), turn);

    private TurnStart BeginTurn(SessionRecord record, IReadOnlyList<TMessage> turn)
    {
        record = WithPromptCacheKey(record);
        var start = PlanTurn(record, turn);
        return start with { Plan = start.Plan with { PromptCacheKey = PromptCacheKeyOf(record) } };
    }

    private TurnStart PlanTurn(SessionRecord record, IReadOnlyList<TMessage> turn)
    {
        if (record.IsStateless || !_driver.KeepsServerState)
        {
            // The service keeps nothing (a stateless degrade, the Agent API, retired chat completions): replay.
            var plan = Replaying(record, turn, record.ConversationId, false, stateless: true, fallback: false);
            var pending = record.IsStateless ? null : new PendingReplacement(record.ConversationId, ThreadReplacementReason.EndpointRetired, plan.Messages.Count - turn.Count, null);
            return new(record, plan, pending);
        }

        if (record.ConversationId is null)
        {
            return new(record, new TurnPlan<TMessage>(_driver.NewConversationId(), true, turn, Stateless: false, IsFallback: false), null);
        }

        if (LimitReached(record, turn.Count))
        {
            var plan = _options.Replays ? Replaying(record, turn, _driver.NewConversationId(), true, stateless: false, fallback: true)
                : new TurnPlan<TMessage>(_driver.NewConversationId(), true, turn, Stateless: false, IsFallback: true);
            var pending = new PendingReplacement(record.ConversationId, ThreadReplacementReason.LimitReached, plan.Messages.Count - turn.Count, null);
            return new(record, plan, pending);
        }

        return new(record, new TurnPlan<TMessage>(record.ConversationId, false, turn, Stateless: false, IsFallback: false) { IsFirstOfSession = record.TurnCount == 0 }, null);
    }

    private bool LimitReached(SessionRecord record, int newMessages)
    {
        var limits = _options.Limits;
        if (limits.MaxMessages is { } max && record.MessageCount + newMessages + 1 > max)
        {
            return true;
        }

        if (limits.MaxThreadAge is null && limits.MaxIdle is null)
        {
            return false;
        }

        var now = _clock.GetUtcNow();
        return (limits.MaxThreadAge is { } age && record.ThreadStartedAt is { } started && now - started >= age)
            || (limits.MaxIdle is { } idle && record.LastUsedAt is { } used && now - used >= idle);
    }

    private ThreadReplacementReason? FallbackReason(Exception error, TurnPlan<TMessage> plan)
    {
        if (_driver.Migrates(error))
        {
            return ThreadReplacementReason.EndpointRetired;
        }

        if (plan.IsFallback || plan.Stateless)
        {
            return null;
        }

        var gone = !plan.StartsConversation && plan.ConversationId is not null && _options.Fallback != ThreadFallbackPolicy.Throw;
        return error switch
        {
            ThreadingUnavailableException when _options.DegradesWhenThreadingUnavailable => ThreadReplacementReason.ThreadingUnavailable,
            ThreadNotWritableException when _options.RollsOverWhenNotWritable && plan.ConversationId is not null => ThreadReplacementReason.ThreadNotWritable,
            ThreadNotFoundException when gone => ThreadReplacementReason.ThreadNotFound,
            InvalidThreadIdException when gone => ThreadReplacementReason.InvalidThreadId,
            PreviousResponseUnavailableException when gone => ThreadReplacementReason.PreviousResponseUnavailable,
            _ => null,
        };
    }

    private (TurnPlan<TMessage> Plan, PendingReplacement Pending) Fallback(SessionRecord record, IReadOnlyList<TMessage> turn, ThreadReplacementReason reason, Exception cause)
    {
        var plan = reason is ThreadReplacementReason.ThreadingUnavailable or ThreadReplacementReason.EndpointRetired
            ? Replaying(record, turn, record.ConversationId, false, stateless: true, fallback: true)
            : _options.Replays ? Replaying(record, turn, _driver.NewConversationId(), true, stateless: false, fallback: true)
            : new TurnPlan<TMessage>(_driver.NewConversationId(), true, turn, Stateless: false, IsFallback: true);
        var oldId = reason == ThreadReplacementReason.EndpointRetired && record.IsStateless ? null : record.ConversationId;
        return (plan with { PromptCacheKey = PromptCacheKeyOf(record) }, new PendingReplacement(oldId, reason, plan.Messages.Count - turn.Count, cause));
    }

    /// <summary>A plan whose messages are the transcript's newest turns that fit the replay budget, then the new turn.</summary>
    private TurnPlan<TMessage> Replaying(SessionRecord record, IReadOnlyList<TMessage> turn, string? conversationId, bool starts, bool stateless, bool fallback)
    {
        if (record.Transcript is not { Count: > 0 } transcript)
        {
            return record.Summary is null
                ? new TurnPlan<TMessage>(conversationId, starts, turn, stateless, fallback) { DroppedTurns = record.DroppedTurnCount }
                : new TurnPlan<TMessage>(conversationId, starts, [SummaryMessage(record.Summary), .. turn], stateless, fallback) { DroppedTurns = record.DroppedTurnCount };
        }

        var newCharacters = 0;
        foreach (var message in turn)
        {
            newCharacters += _driver.ToTranscript(message).Text.Length;
        }

        var (start, turns, held) = _budget.Select(transcript, newCharacters);
        var messages = new List<TMessage>(transcript.Count - start + turn.Count + 1);
        if (record.Summary is { } summary)
        {
            messages.Add(SummaryMessage(summary));
        }

        for (var i = start; i < transcript.Count; i++)
        {
            messages.Add(_driver.Message(transcript[i].Role, transcript[i].Text));
        }

        messages.AddRange(turn);
        return new TurnPlan<TMessage>(conversationId, starts, messages, stateless, fallback)
        {
            ReplayedTurns = turns,
            DroppedTurns = record.DroppedTurnCount + held - turns,
        };
    }

    /// <summary>The compacted earlier conversation, as the first replayed message (after the instructions, which the request carries apart).</summary>
    private TMessage SummaryMessage(string summary) => _driver.Message(SummaryRole, SummaryPrefix + summary);

    /// <summary>The role of the replayed summary.</summary>
    internal const string SummaryRole = "system";

    /// <summary>What the replayed summary starts with.</summary>
    internal const string SummaryPrefix = "Summary of the earlier conversation:\n";

    private async ValueTask<SessionRecord> RefreshAsync(CancellationToken cancellationToken)
    {
        var local = Volatile.Read(ref _record);
        if (_binding is null)
        {
            return local;
        }

        // Another app instance may have moved the conversation on (or to a new thread): the store wins when newer.
        SessionRecord? stored;
        try
        {
            stored = SessionBinding.Readable(await _binding.Store.GetAsync(_binding.Key, cancellationToken).ConfigureAwait(false));
            StoreHealth.Succeeded(ref _storeFailing, _logger, _driver.Provider);
        }
        catch (Exception ex) when (ex is not SessionRecordUnreadableException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // The store is down: this session still holds the conversation, so the turn goes on from there.
            // (A record it cannot decrypt is no outage: that surfaces, so that two key rings never fork a conversation.)
            StoreHealth.Failed(ref _storeFailing, _logger, _driver.Provider, "read", ex);
            return local;
        }

        if (stored is not null && stored.Holds(local.Provider, local.Kind)
            && (stored.LastUsedAt ?? DateTimeOffset.MinValue) >= (local.LastUsedAt ?? DateTimeOffset.MinValue))
        {
            Volatile.Write(ref _record, stored);
            return stored;
        }

        return local;
    }

    /// <summary>
    /// Records the turn (state, transcript, logs) and saves it to the store when bound to one (the caller
    /// raises <see cref="ThreadReplaced"/> once the turn gate is released). Asynchronous only for the store
    /// and a compaction.
    /// </summary>
    private ValueTask<SessionReply<TReply>> CompleteTurnAsync(SessionRecord before, IReadOnlyList<TMessage> turn, TurnPlan<TMessage> plan, PendingReplacement? pending, TReply reply, CancellationToken cancellationToken)
    {
        var (after, outcome, left) = CompleteTurn(before, turn, plan, pending, reply);
        if (left.Count > 0 && _options.Summarizer is { } summarizer)
        {
            return CompactAndSaveAsync(summarizer, after, outcome, left, cancellationToken);
        }

        if (_binding is not null)
        {
            return SaveAsync(_binding, after, outcome);
        }

        return new(outcome);
    }

    /// <summary>
    /// Summarises the turns that left the window into the record's summary (a new prompt cache key goes
    /// with the new prefix), then saves as a turn without compaction does. A failing
    /// summariser does not fail the turn: the reply says what it threw, and the turns are dropped as they
    /// are without one.
    /// </summary>
    private async ValueTask<SessionReply<TReply>> CompactAndSaveAsync(IConversationSummarizer summarizer, SessionRecord after, SessionReply<TReply> outcome, IReadOnlyList<TranscriptMessage> left, CancellationToken cancellationToken)
    {
        var turns = left.Count(static m => m.EndsTurn);
        SessionCompaction compaction;
        try
        {
            var summary = await summarizer.SummarizeAsync(new ConversationSummaryRequest(after.Summary, left), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The summariser returned no summary.");
            if (string.IsNullOrWhiteSpace(summary.Text))
            {
                throw new InvalidOperationException("The summariser returned an empty summary.");
            }

            compaction = new SessionCompaction(turns, summary.Usage);
            after = WithPromptCacheKey(after, after.PromptCacheKeyGeneration + 1) with
            {
                Summary = summary.Text,
                SummarizedTurnCount = after.SummarizedTurnCount + turns,
                Usage = (after.Usage ?? ConversationUsage.None).Add(summary.Usage, compaction: true),
            };
            Volatile.Write(ref _record, after);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            compaction = new SessionCompaction(turns, null, ex);
            Log.CompactionFailed(_logger, _driver.Provider, turns, ex.GetType().Name);
        }

        outcome = outcome.With(compaction: compaction);
        if (_binding is not null)
        {
            return await SaveAsync(_binding, after, outcome).ConfigureAwait(false);
        }

        return outcome;
    }

    private (SessionRecord After, SessionReply<TReply> Outcome, IReadOnlyList<TranscriptMessage> Left) CompleteTurn(SessionRecord before, IReadOnlyList<TMessage> turn, TurnPlan<TMessage> plan, PendingReplacement? pending, TReply reply)
    {
        var text = _driver.TextOf(reply);
        _driver.ThrowIfRefused(reply, text);
        if (text.Length == 0 && !_driver.AnswersWithoutText(reply))
        {
            throw EmptyReply();
        }

        var now = _clock.GetUtcNow();
        var conversationId = _driver.ConversationIdAfter(plan, reply);
        var (transcript, dropped, left) = KeepsTranscript ? _budget.Append(before.Transcript, Recorded(turn, text)) : (before.Transcript, 0, []);
        var usage = _driver.UsageOf(reply);
        var after = before with
        {
            ConversationId = conversationId,
            IsStateless = plan.Stateless,
            ThreadStartedAt = plan.StartsConversation ? now : before.ThreadStartedAt,
            LastUsedAt = now,
            TurnCount = before.TurnCount + 1,
            MessageCount = (plan.StartsConversation || plan.Stateless ? 0 : before.MessageCount) + plan.Messages.Count + 1,
            Transcript = transcript,
            DroppedTurnCount = before.DroppedTurnCount + dropped,
            Usage = (before.Usage ?? ConversationUsage.None).Add(usage),
        };
        Volatile.Write(ref _record, after);

        ThreadReplacedEventArgs? replaced = null;
        if (pending is { } move)
        {
            replaced = new ThreadReplacedEventArgs(move.OldId, conversationId, move.Reason, move.Replayed, move.Cause);
            Log.ThreadReplaced(_logger, _driver.Provider, move.Reason, move.Replayed);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.ThreadReplacedIds(_logger, _driver.Provider, move.OldId, conversationId);
            }
        }
        else if (!plan.StartsConversation && !plan.Stateless && conversationId != plan.ConversationId && _logger.IsEnabled(LogLevel.Debug))
        {
            Log.ThreadAdopted(_logger, _driver.Provider, plan.ConversationId, conversationId);
        }

        var outcome = new SessionReply<TReply>(reply, text, conversationId, replaced, plan.Stateless)
        {
            ReplayedTurns = plan.ReplayedTurns,
            DroppedTurns = plan.DroppedTurns,
            CutOffReason = _driver.CutOffReason(reply),
            TrimmedTurns = dropped,
            Usage = usage,
            PromptCacheKey = plan.PromptCacheKey,
        };
        return (after, outcome, left);
    }

    /// <summary>A reply with neither text nor an error: not recorded as a turn, so that the session stays as it was and the turn can be sent again.</summary>
    private ThreadsResponseException EmptyReply() => new(
        new ThreadsApiError
        {
            Provider = _driver.Provider,
            StatusCode = System.Net.HttpStatusCode.OK,
            Code = "empty_reply",
            Message = "The reply had no text and no error.",
        },
        "the reply had no text and no error; the turn was not recorded, so the session is as it was and the turn can be sent again.");

    private TranscriptMessage[] Recorded(IReadOnlyList<TMessage> turn, string reply)
    {
        var messages = new TranscriptMessage[turn.Count + 1];
        for (var i = 0; i < turn.Count; i++)
        {
            messages[i] = _driver.ToTranscript(turn[i]);
        }

        messages[^1] = new TranscriptMessage(TranscriptMessage.AssistantRole, reply);
        return messages;
    }

    private async ValueTask<SessionReply<TReply>> SaveAsync(SessionBinding binding, SessionRecord after, SessionReply<TReply> outcome)
    {
        try
        {
            // The turn is done on the server; losing it locally because the caller cancelled now would be worse.
            await binding.Store.SetAsync(binding.Key, after, CancellationToken.None).ConfigureAwait(false);
            StoreHealth.Succeeded(ref _storeFailing, _logger, _driver.Provider);
            return outcome.With(saved: true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            StoreHealth.Failed(ref _storeFailing, _logger, _driver.Provider, "write", ex);
            return outcome.With(saved: false, storeError: ex);
        }
    }

    /// <summary>
    /// Raises <see cref="ThreadReplaced"/> for a turn that moved the session: after the turn is saved and the
    /// turn gate is released, so a handler may send on the same session; a handler that throws is logged
    /// (by its exception's type) and never turns the saved turn into a failure.
    /// </summary>
    private void Announce(SessionReply<TReply> outcome)
    {
        if (outcome.Replacement is not { } replaced || ThreadReplaced is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<ThreadReplacedEventArgs>>())
        {
            try
            {
                handler(this, replaced);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Log.ThreadReplacedHandlerFailed(_logger, _driver.Provider, ex.GetType().Name);
            }
        }
    }

    private readonly record struct TurnStart(SessionRecord Record, TurnPlan<TMessage> Plan, PendingReplacement? Pending);

    private sealed record PendingReplacement(string? OldId, ThreadReplacementReason Reason, int Replayed, Exception? Cause);
}
