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
    /// </summary>
    public (int Start, int Turns, int Held) Select(IReadOnlyList<TranscriptMessage> transcript, int newCharacters)
    {
        var turns = Turns(transcript);
        var taken = 0;
        var characters = newCharacters;
        var start = transcript.Count;
        for (var k = turns.Count - 1; k >= 0 && taken < MaxTurns && characters + turns[k].Characters <= MaxCharacters; k--)
        {
            taken++;
            characters += turns[k].Characters;
            start = turns[k].Start;
        }

        return (start, taken, turns.Count);
    }

    /// <summary>
    /// The transcript with one more turn, trimmed to the budget (the newest turn is always kept, even
    /// when it alone is over the character budget); and how many old turns were dropped.
    /// </summary>
    public (IReadOnlyList<TranscriptMessage> Transcript, int Dropped) Append(IReadOnlyList<TranscriptMessage>? transcript, IReadOnlyList<TranscriptMessage> turn)
    {
        var messages = new List<TranscriptMessage>((transcript?.Count ?? 0) + turn.Count);
        messages.AddRange(transcript ?? []);
        messages.AddRange(turn);
        var (start, taken, held) = Select(messages, 0);
        if (taken == 0 && held > 0)
        {
            (start, taken) = (Turns(messages)[^1].Start, 1);
        }

        return (start == 0 ? messages : messages.GetRange(start, messages.Count - start), held - taken);
    }

    public static int Characters(IEnumerable<TranscriptMessage> messages) => messages.Sum(static m => m.Text.Length);

    private static List<(int Start, int Characters)> Turns(IReadOnlyList<TranscriptMessage> transcript)
    {
        var turns = new List<(int Start, int Characters)>();
        var start = 0;
        var characters = 0;
        for (var i = 0; i < transcript.Count; i++)
        {
            characters += transcript[i].Text.Length;
            if (transcript[i].EndsTurn || i == transcript.Count - 1)
            {
                turns.Add((start, characters));
                start = i + 1;
                characters = 0;
            }
        }

        return turns;
    }
}
