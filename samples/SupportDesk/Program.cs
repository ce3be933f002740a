// A support desk on Aitronos threads: one thread per user and ticket with metadata, a hidden
// background thread (store: false), then lock, archive, list and read the messages.
using ThreadClient;
using ThreadClient.Aitronos;
using ThreadClient.Samples;

try
{
    await using var emulator = await Offline.StartIfNoKeyAsync("AITRONOS_API_KEY");
    using var client = new ThreadsClient(new ThreadsClientOptions());
    var ticket = $"support_user123_ticket{DateTime.UtcNow:HHmmss}";

    var conversation = client.Aitronos.ResumeSession(ticket, new AitronosSessionOptions
    {
        Metadata = new ThreadMetadata { ["userId"] = "user_123", ["ticketId"] = ticket, ["category"] = "billing", ["priority"] = "high" },
    });
    foreach (var message in new[] { "I was charged twice this month.", "The second charge was on the 3rd." })
    {
        var reply = await conversation.SendAsync(message);
        Console.WriteLine($"customer> {message}\nagent> {reply.Text}");
    }

    // A background job the agents should not see in their thread list.
    var background = client.Aitronos.ResumeSession(ticket + "_triage", new AitronosSessionOptions { Store = false });
    await background.SendAsync("Classify the ticket: billing or technical?");

    var thread = await client.Aitronos.Threads.GetAsync(ticket);
    Console.WriteLine($"\nthread {thread.Id}: {thread.State}, {thread.MessageCount} messages, priority {thread.Metadata["priority"]}");

    var locked = await client.Aitronos.Threads.LockAsync(thread);
    Console.WriteLine($"locked: {locked.State}");
    try
    {
        await conversation.SendAsync("Any update?");
        throw new InvalidOperationException("a locked thread accepted a message");
    }
    catch (ThreadNotWritableException)
    {
        Console.WriteLine("a new message on the locked thread was refused, as it should be");
    }

    var archived = await client.Aitronos.Threads.ArchiveAsync(locked);
    Console.WriteLine($"archived: {archived.State}");

    var visible = 0;
    await foreach (var listed in client.Aitronos.Threads.ListAsync(new ListThreadsOptions { Limit = 50 }))
    {
        visible += listed.Id == ticket ? 1 : 0;
        if (listed.Id == background.ThreadId)
        {
            throw new InvalidOperationException("the hidden background thread shows in the default list");
        }
    }

    Console.WriteLine($"the ticket thread is listed: {visible == 1}; the background thread is hidden");
    Console.WriteLine("\nmessages:");
    await foreach (var message in client.Aitronos.Threads.ListMessagesAsync(ticket))
    {
        Console.WriteLine($"  {message.Role}: {message.Text}");
    }

    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The support desk failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}
