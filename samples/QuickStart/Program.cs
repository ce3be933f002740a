using ThreadClient;

// Reads PERPLEXITY_API_KEY from the environment.
using var client = new ThreadsClient(new ThreadsClientOptions());
var session = client.Perplexity.StartSession();
session.ThreadReplaced += (_, e) => Console.WriteLine($"(the conversation moved on: {e.Reason})");

var first = await session.SendAsync("Which movie won the Cannes film festival special jury prize in 1996?");
Console.WriteLine(first.Text);

// Same conversation: on a thread only the new turn is sent and the server remembers the rest. Where
// chat completions are retired (Perplexity, since 2026-09-27) the session went on on the Agent API
// and sends the transcript with each turn instead.
var second = await session.SendAsync("What else has that director made?");
Console.WriteLine(second.Text);
Console.WriteLine(session.IsStateless ? "(Agent API: the transcript was replayed)" : $"(thread {session.ThreadId})");
