using ThreadClient;
using ThreadClient.Perplexity;

using var client = new ThreadsClient(new ThreadsClientOptions
{
    Perplexity = { ApiKey = Environment.GetEnvironmentVariable("PERPLEXITY_API_KEY") },
});

var first = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest
{
    Model = "sonar-pro",
    UseThreads = true,
    Messages = { ChatMessage.User("Which movie won the Cannes film festival special jury prize in 1996?") },
});
Console.WriteLine(first.Content);

// Same thread: send only the new turn; the server remembers the rest.
var request = new ChatCompletionRequest
{
    Model = "sonar-pro",
    UseThreads = true,
    ThreadId = first.ThreadId,
    Messages = { ChatMessage.User("What else has that director made?") },
};
await foreach (var chunk in client.Perplexity.StreamChatCompletionAsync(request))
{
    Console.Write(chunk.DeltaText);
}
