// A hosted app: the Generic Host, AddThreadsClient from appsettings.json, and one conversation per
// user key through the session store (keys come from the environment, never from appsettings.json).
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreadClient;
using ThreadClient.DependencyInjection;
using ThreadClient.Samples;

try
{
    await using var emulator = await Offline.StartIfNoKeyAsync("PERPLEXITY_API_KEY");
    var builder = Host.CreateApplicationBuilder(args);
    builder.Configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddThreadsClient(builder.Configuration.GetSection("ThreadClient"));
    using var host = builder.Build();
    await host.StartAsync();

    var client = host.Services.GetRequiredService<IThreadsClient>();
    var turns = new (string User, string Text)[]
    {
        ("alice", "What is a thread in the Perplexity API?"),
        ("bob", "How long do threads live?"),
        ("alice", "And how do I continue one?"),
    };
    foreach (var (user, text) in turns)
    {
        // Each request handler would do this: get the user's conversation by key, send, done.
        var session = await client.Sessions.GetOrStartPerplexityAsync($"user:{user}");
        var reply = await session.SendAsync(text);
        Console.WriteLine($"{user}> {text}\n  {reply.Text}");
    }

    var alice = await client.Sessions.Store.GetAsync("user:alice");
    var bob = await client.Sessions.Store.GetAsync("user:bob");
    if (alice?.TurnCount != 2 || bob?.TurnCount != 1 || alice.ConversationId == bob.ConversationId)
    {
        throw new InvalidOperationException("the users' conversations were not kept apart");
    }

    Console.WriteLine($"\nalice: {alice.TurnCount} turns, bob: {bob.TurnCount} turn, on separate threads.");
    await host.StopAsync();
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The hosted app failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
