using ThreadClient;

// Reads PERPLEXITY_API_KEY from the environment.
using var client = new ThreadsClient(new ThreadsClientOptions());
var session = client.Perplexity.StartSession();

var first = await session.SendAsync("Which movie won the Cannes film festival special jury prize in 1996?");
Console.WriteLine(first.Text);

// Same thread: only the new turn is sent; the server remembers the rest.
var second = await session.SendAsync("What else has that director made?");
Console.WriteLine($"{second.Text}\n(thread {session.ThreadId})");
