namespace ThreadClient.Sessions;

/// <summary>
/// The replay budget of a transcript: at most so many turns and so many characters, the oldest turns
/// going first. A turn is the messages up to and including an assistant reply.
/// </summary>
internal readonly record struct TranscriptBudget(int MaxTurns, int MaxCharacters)
{
    /// <summary>
    /// Which of the held turns fit beside a new turn of <paramref name="newCharacters"/>, newest first:
    /// the index of the first message to send, how many turns that is, and how many turns are held.
    /// One backward pass over the messages, allocating nothing (it runs on every turn).
    /// </summary>
    public (int Start, int Turns, int Held) Select(IReadOnlyList<TranscriptMessage> transcript, int newCharacters)
    {
        var (start, taken, held, characters, open) = (transcript.Count, 0, 0, newCharacters, true);
        for (var end = transcript.Count - 1; end >= 0;)
        {
            var turnStart = TurnStart(transcript, end, out var turnCharacters);
            held++;
            if (open && taken < MaxTurns && characters + turnCharacters <= MaxCharacters)
            {
                taken++;
                characters += turnCharacters;
                start = turnStart;
            }
            else
            {
                open = false;
            }

            end = turnStart - 1;
        }

        return (start, taken, held);
    }

    /// <summary>
    /// The transcript with one more turn, trimmed to the budget (the newest turn is always kept, even
    /// when it alone is over the character budget); and how many old turns were dropped. One new list,
    /// trimmed in place.
    /// </summary>
    public (IReadOnlyList<TranscriptMessage> Transcript, int Dropped) Append(IReadOnlyList<TranscriptMessage>? transcript, IReadOnlyList<TranscriptMessage> turn)
    {
        var messages = new List<TranscriptMessage>((transcript?.Count ?? 0) + turn.Count);
        messages.AddRange(transcript ?? []);
        messages.AddRange(turn);
        var (start, taken, held) = Select(messages, 0);
        if (taken == 0 && held > 0)
        {
            (start, taken) = (TurnStart(messages, messages.Count - 1, out _), 1);
        }

        messages.RemoveRange(0, start);
        return (messages, held - taken);
    }

    public static int Characters(IEnumerable<TranscriptMessage> messages) => messages.Sum(static m => m.Text.Length);

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
