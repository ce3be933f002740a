// A research assistant on Perplexity threads: follow-up questions on one thread, streamed answers
// with citations and usage, and a thread that expires mid-conversation, recovered on screen.
using ThreadClient;
using ThreadClient.Perplexity;
using ThreadClient.Samples;
using ThreadClient.Sessions;
using ThreadClient.Testing;

try
{
    await using var emulator = await Offline.StartIfNoKeyAsync("PERPLEXITY_API_KEY");
    using var client = new ThreadsClient(new ThreadsClientOptions());
    var session = client.Perplexity.StartSession(new PerplexitySessionOptions
    {
        Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay,
        ReplayTurns = 2,
        ConfigureRequest = request => request.WebSearchOptions = new WebSearchOptions { SearchType = "pro" },
    });
    session.ThreadReplaced += (_, e) => Console.WriteLine(e.Reason == ThreadReplacementReason.EndpointRetired
        ? $"\n  [chat completions are retired: the conversation continued on the Agent API, replaying {e.ReplayedMessages} messages]"
        : $"\n  [the thread was gone ({e.Reason}); continued on a new one, replaying {e.ReplayedMessages} messages]");

    string[] questions =
    [
        "Which movie won the Cannes film festival special jury prize in 1996?",
        "Who directed it?",
        "What else has that director made?",
    ];
    for (var i = 0; i < questions.Length; i++)
    {
        if (i == 2 && session.IsStateless)
        {
            Console.WriteLine("\n(on the Agent API there is no thread to expire: the session replays its transcript every turn)");
        }
        else if (i == 2)
        {
            // Threads expire after a while without use. Make that happen now (on the emulator), or,
            // against the real service, resume a thread the service has never seen.
            if (emulator is not null)
            {
                emulator.ExpirePerplexityThread(session.ThreadId!);
            }
            else
            {
                session = client.Perplexity.ResumeSession(Guid.NewGuid().ToString());
            }

            Console.WriteLine("\n(some time passes: the thread expires)");
        }

        Console.WriteLine($"\n> {questions[i]}");
        var turn = session.StreamAsync(questions[i]);
        await foreach (var chunk in turn)
        {
            Console.Write(chunk.DeltaText);
        }

        var reply = turn.Reply;
        Console.WriteLine();
        foreach (var citation in reply.Reply.Citations ?? [])
        {
            Console.WriteLine($"  source: {citation}");
        }

        if (reply.Reply.Usage is { } usage)
        {
            Console.WriteLine($"  tokens: {usage.PromptTokens} in, {usage.CompletionTokens} out");
        }

        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            throw new InvalidOperationException($"question {i + 1} got an empty answer");
        }

        // The emulator's replies list the earlier questions the server saw: the context must have survived.
        if (emulator is not null && i > 0 && !EmulatorReplies.EarlierTurns(reply.Text).Contains(questions[i - 1]))
        {
            throw new InvalidOperationException($"question {i + 1} lost the conversation");
        }

        if (i == 2 && !session.IsStateless && !reply.ThreadReplaced)
        {
            throw new InvalidOperationException("the expired thread was not replaced");
        }
    }

    Console.WriteLine(session.IsStateless
        ? $"\nDone: {session.Record.TurnCount} turns; the conversation survived the end of chat completions (on the Agent API)."
        : $"\nDone: {session.Record.TurnCount} turns; the conversation survived the expiry.");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The research assistant failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
