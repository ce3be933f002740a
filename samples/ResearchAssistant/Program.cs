// A research assistant on Perplexity threads: follow-up questions on one thread, streamed answers
// with citations and usage, and a thread that expires mid-conversation, recovered on screen.
using ThreadClient;
using ThreadClient.Perplexity;
using ThreadClient.Samples;
using ThreadClient.Sessions;

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
    session.ThreadReplaced += (_, e) =>
        Console.WriteLine($"\n  [the thread was gone ({e.Reason}); continued on a new one, replaying {e.ReplayedMessages} messages]");

    string[] questions =
    [
        "Which movie won the Cannes film festival special jury prize in 1996?",
        "Who directed it?",
        "What else has that director made?",
    ];
    for (var i = 0; i < questions.Length; i++)
    {
        if (i == 2)
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

        if (i == 2 && !reply.ThreadReplaced)
        {
            throw new InvalidOperationException("the expired thread was not replaced");
        }
    }

    Console.WriteLine($"\nDone: {session.Record.TurnCount} turns; the conversation survived the expiry.");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The research assistant failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
