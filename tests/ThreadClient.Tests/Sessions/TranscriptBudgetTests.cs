using ThreadClient.Sessions;

namespace ThreadClient.Tests.Sessions;

/// <summary>
/// The replay budget's one-pass, allocation-light arithmetic gives what the plain definition gives: turns
/// are the messages up to each assistant reply (a trailing partial turn counts), taken newest first while
/// both budgets hold, the newest turn always kept by <see cref="TranscriptBudget.Append"/>.
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
            var budget = new TranscriptBudget(random.Next(0, 6), random.Next(0, 200));
            var newCharacters = random.Next(0, 60);

            Assert.Equal(PlainSelect(budget, transcript, newCharacters), budget.Select(transcript, newCharacters));
            var (kept, dropped) = budget.Append(transcript, turn);
            var (expectedKept, expectedDropped) = PlainAppend(budget, transcript, turn);
            Assert.Equal(expectedKept, kept);
            Assert.Equal(expectedDropped, dropped);
        }
    }

    [Fact]
    public void The_newest_turn_is_kept_even_when_it_alone_is_over_the_character_budget()
    {
        var budget = new TranscriptBudget(MaxTurns: 5, MaxCharacters: 3);
        var (kept, dropped) = budget.Append([new("user", "old"), new(TranscriptMessage.AssistantRole, "reply")], [new("user", "a long question"), new(TranscriptMessage.AssistantRole, "a long answer")]);

        Assert.Equal(["a long question", "a long answer"], kept.Select(m => m.Text));
        Assert.Equal(1, dropped);
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
        var (taken, characters, start) = (0, newCharacters, transcript.Count);
        for (var k = turns.Count - 1; k >= 0 && taken < budget.MaxTurns && characters + turns[k].Characters <= budget.MaxCharacters; k--)
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
