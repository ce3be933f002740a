using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Emulator;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Sessions;

/// <summary>A store write that fails is visible: on the reply, in the log once per outage, and in a metric.</summary>
public sealed class StorePersistenceTests
{
    [Fact]
    public async Task Each_reply_says_whether_its_record_was_saved_and_why_not_and_failures_are_counted()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new FlakyStore();
        using var logs = new FakeLogs();
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.LoggerFactory) = (store, logs));
        var failures = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "threadclient.session_store.failures")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => { lock (failures) { failures.Add(tags[0].Value as string); } });
        listener.Start();
        var session = await client.Perplexity.Agent.GetOrStartSessionAsync("k");
        var unbound = client.Perplexity.Agent.StartSession();

        var saved = await session.SendAsync("one");
        store.Failing = true;
        var lost = await session.SendAsync("two");
        var lostAgain = await session.SendAsync("three");
        store.Failing = false;
        var back = await session.SendAsync("four");
        var local = await unbound.SendAsync("one");

        Assert.Equal((true, null), (saved.IsSaved, saved.StoreError));
        Assert.False(lost.IsSaved);
        Assert.Equal("the store is down", lost.StoreError!.Message);
        Assert.False(lostAgain.IsSaved);
        Assert.True(back.IsSaved);
        Assert.False(local.IsSaved);
        Assert.Equal(4, session.Record.TurnCount);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("again", StringComparison.Ordinal));
        lock (failures)
        {
            // Two turns in the outage: each a failed refresh (read) and a failed save (write). The listener hears
            // every test's meter, so other tests' failures may be counted too: at least these four.
            Assert.True(failures.Count(f => f == "read") >= 2 && failures.Count(f => f == "write") >= 2, string.Join(",", failures));
        }
    }

    private sealed class FlakyStore : IThreadSessionStore
    {
        private readonly InMemoryThreadSessionStore _inner = new();

        public bool Failing { get; set; }

        public ValueTask<SessionRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
            Failing ? throw new InvalidOperationException("the store is down") : _inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, SessionRecord record, CancellationToken cancellationToken = default) =>
            Failing ? throw new InvalidOperationException("the store is down") : _inner.SetAsync(key, record, cancellationToken);

        public ValueTask<bool> RemoveAsync(string key, CancellationToken cancellationToken = default) => _inner.RemoveAsync(key, cancellationToken);

        public ValueTask<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) => _inner.PruneAsync(cutoff, cancellationToken);
    }
}
