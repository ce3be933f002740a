// An ephemeral conversation on Aitronos without a thread: each turn links to the previous response
// (previousResponseId) and store: false keeps nothing on the server.
using ThreadClient;
using ThreadClient.Aitronos;
using ThreadClient.Samples;

try
{
    await using var emulator = await Offline.StartIfNoKeyAsync("AITRONOS_API_KEY");
    using var client = new ThreadsClient(new ThreadsClientOptions());
    var chain = client.Aitronos.StartChain(new ResponseChainOptions { Store = false });

    foreach (var question in new[] { "Hello", "Tell me more", "Summarise what we said" })
    {
        var reply = await chain.SendAsync(question);
        Console.WriteLine($"> {question}\n{reply.Text}\n  (response {reply.ConversationId})");
    }

    if (chain.LastResponseId is null)
    {
        throw new InvalidOperationException("the chain has no response id to continue from");
    }

    Console.WriteLine($"\nDone: {chain.Record.TurnCount} turns, no thread created.");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The ephemeral chain failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
