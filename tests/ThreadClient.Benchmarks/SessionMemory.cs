using ThreadClient.Benchmarks.Contenders;
using ThreadClient.Perplexity;

namespace ThreadClient.Benchmarks;

/// <summary>Memory held per idle <see cref="PerplexitySession"/> (no transcript replay), measured over 10,000 live sessions.</summary>
public static class SessionMemory
{
    public static double BytesPerIdleSession(int count = 10_000)
    {
        using var client = Contenders.Contenders.ThreadClient(new InMemoryHandler(Payloads.SeedReplyBytes, "application/json"), new Uri("https://api.perplexity.ai/"));
        var sessions = new List<PerplexitySession>(count);
        var warm = client.Perplexity.ResumeSession(Contenders.Contenders.ThreadId);
        warm.SendAsync("warm up").GetAwaiter().GetResult();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
        {
            sessions.Add(client.Perplexity.ResumeSession(Guid.NewGuid().ToString()));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(sessions);
        return (after - before) / (double)count;
    }
}
