using ThreadClient.Sessions;

namespace ThreadClient.Tests.Sessions;

/// <summary>
/// The replay budget's allocation-light arithmetic gives what the plain definition gives: turns are the
/// messages up to each assistant reply (a trailing partial turn counts); everything is kept while both
/// budgets hold, and past them the newest turns within the low-water mark, the newest turn always kept by
/// <see cref="TranscriptBudget.Append"/>. A low-water mark of 1 is the window that slides a turn at a time.
/// </summary>
public sealed class TranscriptBudgetTests
{
    [Fact]
    public void Select_and_append_match_the_plain_definition_on_random_transcripts()
    {
        var random = new Random(20261202);
        for (var round = 0; round < 2000; round++)
        {
            var transcript = Enumerable.Range(0, random.Next(0, 14))
                .Select(_ => new TranscriptMessage(random.Next(3) == 0 ? TranscriptMessage.AssistantRole : "user", new string('x', random.Next(0, 40))))
                .ToList();
            var turn = new[] { new TranscriptMessage("user", new string('q', random.Next(1, 30))), new TranscriptMessage(TranscriptMessage.AssistantRole, new string('a', random.Next(0, 30))) };
            var budget = new TranscriptBudget(random.Next(0, 6), random.Next(0, 200), random.Next(4) switch { 0 => 1, 1 => 0.5, 2 => 0.25, _ => random.NextDouble() });
            var newCharacters = random.Next(0, 60);

            Assert.Equal(PlainSelect(budget, transcript, newCharacters), budget.Select(transcript, newCharacters));
            var (kept, dropped, droppedMessages) = budget.Append(transcript, turn);
            var (expectedKept, expectedDropped) = PlainAppend(budget, transcript, turn);
            Assert.Equal(expectedKept, kept);
            Assert.Equal(expectedDropped, dropped);
            Assert.Equal([.. transcript, .. turn], [.. droppedMessages, .. kept]);
        }
    }

    [Fact]
    public void The_newest_turn_is_kept_even_when_it_alone_is_over_the_character_budget()
    {
        var budget = new TranscriptBudget(MaxTurns: 5, MaxCharacters: 3);
        var (kept, dropped, _) = budget.Append([new("user", "old"), new(TranscriptMessage.AssistantRole, "reply")], [new("user", "a long question"), new(TranscriptMessage.AssistantRole, "a long answer")]);

        Assert.Equal(["a long question", "a long answer"], kept.Select(m => m.Text));
        Assert.Equal(1, dropped);
    }

    [Fact]
    public void A_window_of_ten_falling_back_to_five_keeps_its_prefix_for_five_turns_then_steps()
    {
        var budget = new TranscriptBudget(MaxTurns: 10, MaxCharacters: 100_000, LowWater: 0.5);
        IReadOnlyList<TranscriptMessage> transcript = [];
        var lengths = new List<int>();
        var steps = new List<int>();
        for (var n = 1; n <= 22; n++)
        {
            var (next, dropped, _) = budget.Append(transcript, [new("user", "q" + n), new(TranscriptMessage.AssistantRole, "a" + n)]);
            (transcript, _) = (next, 0);
            lengths.Add(transcript.Count / 2);
            if (dropped > 0)
            {
                steps.Add(n);
            }
        }

        Assert.Equal([11, 17], steps.Where(n => n <= 17));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5, 6, 7, 8, 9, 10, 5, 6, 7, 8, 9, 10], lengths);
        Assert.Equal("q13", transcript[0].Text);
    }

    private static List<(int Start, int Characters)> PlainTurns(List<TranscriptMessage> transcript)
    {
        var turns = new List<(int Start, int Characters)>();
        var (start, characters) = (0, 0);
        for (var i = 0; i < transcript.Count; i++)
        {
            characters += transcript[i].Text.Length;
            if (transcript[i].Role == TranscriptMessage.AssistantRole || i == transcript.Count - 1)
            {
                turns.Add((start, characters));
                (start, characters) = (i + 1, 0);
            }
        }

        return turns;
    }

    private static (int Start, int Turns, int Held) PlainSelect(TranscriptBudget budget, List<TranscriptMessage> transcript, int newCharacters)
    {
        var turns = PlainTurns(transcript);
        if (turns.Count <= budget.MaxTurns && newCharacters + turns.Sum(t => t.Characters) <= budget.MaxCharacters)
        {
            return (0, turns.Count, turns.Count);
        }

        var (taken, characters, start) = (0, newCharacters, transcript.Count);
        var (maxTurns, maxCharacters) = ((int)Math.Floor(budget.MaxTurns * budget.LowWater), (int)Math.Floor(budget.MaxCharacters * budget.LowWater));
        for (var k = turns.Count - 1; k >= 0 && taken < maxTurns && characters + turns[k].Characters <= maxCharacters; k--)
        {
            taken++;
            characters += turns[k].Characters;
            start = turns[k].Start;
        }

        return (start, taken, turns.Count);
    }

    private static (List<TranscriptMessage> Kept, int Dropped) PlainAppend(TranscriptBudget budget, List<TranscriptMessage> transcript, TranscriptMessage[] turn)
    {
        List<TranscriptMessage> messages = [.. transcript, .. turn];
        var (start, taken, held) = PlainSelect(budget, messages, 0);
        if (taken == 0 && held > 0)
        {
            (start, taken) = (PlainTurns(messages)[^1].Start, 1);
        }

        return (messages.GetRange(start, messages.Count - start), held - taken);
    }
}
