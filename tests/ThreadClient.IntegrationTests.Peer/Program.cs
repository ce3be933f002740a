// Another instance of an app that shares conversations through Redis: it wires the session store as
// README shows, runs one turn of the conversation named on its command line and prints what happened
// as one JSON line. Usage: Peer <redis configuration> <instance name> <emulator base address> <conversation key> <text>
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ThreadClient;
using ThreadClient.DependencyInjection;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: Peer <redis configuration> <instance name> <emulator base address> <conversation key> <text>");
    return 2;
}

var (redis, instance, emulator, key, text) = (args[0], args[1], new Uri(args[2]), args[3], args[4]);
var services = new ServiceCollection();
services.AddStackExchangeRedisCache(o => (o.Configuration, o.InstanceName) = (redis, instance));
services.AddThreadsClient(o =>
{
    o.Perplexity.ApiKey = "peer-key";
    o.Perplexity.BaseAddress = emulator;
}).UseDistributedCacheSessionStore();
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IThreadsClient>();
// A thread that is gone is replaced with the kept transcript replayed, so the conversation's context survives.
var session = await client.Sessions.GetOrStartPerplexityAsync(key, new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay });
var reply = await session.SendAsync(text);
Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
{
    ["thread"] = session.ThreadId,
    ["text"] = reply.Text,
    ["replacement"] = reply.Replacement?.Reason.ToString(),
}));
return 0;
