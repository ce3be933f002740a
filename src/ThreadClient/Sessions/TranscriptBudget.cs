namespace ThreadClient.Sessions;

/// <summary>
/// The replay budget of a transcript: at most so many turns and so many characters. It moves in steps,
/// so that what a session replays stays byte-identical from one turn to the next (a prompt cache can
/// serve it): while the transcript is within the budget nothing is dropped; once it is over, the oldest
/// turns go until it is down to the low-water mark (<see cref="LowWater"/> of each budget). A low-water
/// mark of 1 drops a turn at a time, the window sliding on every turn. A turn is the messages up to and
/// including an assistant reply.
/// </summary>
internal readonly record struct TranscriptBudget(int MaxTurns, int MaxCharacters, double LowWater = 1)
{
    /// <summary>How many turns a step keeps (at least one, the newest, when the transcript is trimmed at all).</summary>
    public int LowTurns => (int)Math.Floor(MaxTurns * LowWater);

    /// <summary>How many characters a step keeps.</summary>
    public int LowCharacters => (int)Math.Floor(MaxCharacters * LowWater);

    /// <summary>
    /// Which of the held turns a request replays beside a new turn of <paramref name="newCharacters"/>:
    /// all of them while they fit the budget, otherwise the newest within the low-water mark. The index of
    /// the first message to send, how many turns that is, and how many turns are held. Allocates nothing.
    /// </summary>
    public (int Start, int Turns, int Held) Select(IReadOnlyList<TranscriptMessage> transcript, int newCharacters)
    {
        var (held, characters) = Measure(transcript);
        if (held <= MaxTurns && characters + newCharacters <= MaxCharacters)
        {
            return (0, held, held);
        }

        var (start, taken) = Newest(transcript, LowTurns, LowCharacters - newCharacters);
        return (start, taken, held);
    }

    /// <summary>
    /// The transcript with one more turn: as it is while within the budget; past it, trimmed to the
    /// low-water mark (the newest turn is always kept, even when it alone is over the character budget).
    /// Also how many old turns were dropped, and where the kept messages started (the dropped messages
    /// are the ones before it). One new list, trimmed in place.
    /// </summary>
    public (IReadOnlyList<TranscriptMessage> Transcript, int Dropped, IReadOnlyList<TranscriptMessage> DroppedMessages) Append(IReadOnlyList<TranscriptMessage>? transcript, IReadOnlyList<TranscriptMessage> turn)
    {
        var messages = new List<TranscriptMessage>((transcript?.Count ?? 0) + turn.Count);
        messages.AddRange(transcript ?? []);
        messages.AddRange(turn);
        var (held, characters) = Measure(messages);
        if (held <= MaxTurns && characters <= MaxCharacters)
        {
            return (messages, 0, []);
        }

        var (start, taken) = Newest(messages, LowTurns, LowCharacters);
        if (taken == 0 && held > 0)
        {
            (start, taken) = (TurnStart(messages, messages.Count - 1, out _), 1);
        }

        var dropped = messages.GetRange(0, start);
        messages.RemoveRange(0, start);
        return (messages, held - taken, dropped);
    }

    public static int Characters(IEnumerable<TranscriptMessage> messages) => messages.Sum(static m => m.Text.Length);

    /// <summary>How many turns the transcript holds, and their characters.</summary>
    private static (int Turns, int Characters) Measure(IReadOnlyList<TranscriptMessage> transcript)
    {
        var (turns, characters) = (0, 0);
        for (var i = 0; i < transcript.Count; i++)
        {
            characters += transcript[i].Text.Length;
            if (transcript[i].EndsTurn || i == transcript.Count - 1)
            {
                turns++;
            }
        }

        return (turns, characters);
    }

    /// <summary>The newest turns within <paramref name="maxTurns"/> and <paramref name="maxCharacters"/>: where they start, and how many.</summary>
    private static (int Start, int Taken) Newest(IReadOnlyList<TranscriptMessage> transcript, int maxTurns, int maxCharacters)
    {
        var (start, taken, characters) = (transcript.Count, 0, 0);
        for (var end = transcript.Count - 1; end >= 0 && taken < maxTurns;)
        {
            var turnStart = TurnStart(transcript, end, out var turnCharacters);
            if (characters + turnCharacters > maxCharacters)
            {
                break;
            }

            taken++;
            characters += turnCharacters;
            start = turnStart;
            end = turnStart - 1;
        }

        return (start, taken);
    }

    /// <summary>
    /// Where the turn ending at <paramref name="end"/> starts (a turn is the messages after the previous
    /// assistant reply, up to and including <paramref name="end"/>), and its characters.
    /// </summary>
    private static int TurnStart(IReadOnlyList<TranscriptMessage> transcript, int end, out int characters)
    {
        characters = transcript[end].Text.Length;
        var i = end - 1;
        while (i >= 0 && !transcript[i].EndsTurn)
        {
            characters += transcript[i].Text.Length;
            i--;
        }

        return i + 1;
    }
}
