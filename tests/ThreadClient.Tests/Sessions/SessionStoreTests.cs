using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreadClient.Aitronos;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.Sessions;

public sealed class SessionStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SessionRecord Record(string id, DateTimeOffset? lastUsed) =>
        new() { Provider = "Perplexity", ConversationId = id, CreatedAt = T0, LastUsedAt = lastUsed, TurnCount = 3, MessageCount = 6, ThreadStartedAt = T0 };

    /// <summary>An in-memory distributed cache that also remembers the entry options of each write.</summary>
    private sealed class RecordingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));

        public Dictionary<string, DistributedCacheEntryOptions> Writes { get; } = [];

        public bool FailWrites { get; set; }

        public bool FailReads { get; set; }

        public byte[]? Get(string key) => _inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
            FailReads ? throw new InvalidOperationException("cache down") : _inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("the store must write asynchronously");

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            if (FailWrites)
            {
                throw new InvalidOperationException("cache down");
            }

            lock (Writes)
            {
                Writes[key] = options;
            }

            return _inner.SetAsync(key, value, options, token);
        }

        public void Refresh(string key) => _inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

        public void Remove(string key) => _inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
    }

    [Fact]
    public async Task In_memory_store_round_trips_removes_and_prunes_by_last_use()
    {
        var store = new InMemoryThreadSessionStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0.AddDays(10)));
        await store.SetAsync("old", Record("t-old", T0));
        await store.SetAsync("new", Record("t-new", T0.AddDays(10)));
        await store.SetAsync("never", Record("t-never", null));

        Assert.Equal(Record("t-new", T0.AddDays(10)), await store.GetAsync("new"));
        Assert.Equal(2, await store.PruneAsync(T0.AddDays(1)));
        Assert.Null(await store.GetAsync("old"));
        Assert.True(await store.RemoveAsync("new"));
        Assert.False(await store.RemoveAsync("new"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Distributed_store_writes_compact_json_under_a_prefixed_key_with_sliding_expiration()
    {
        var cache = new RecordingCache();
        var store = new DistributedThreadSessionStore(cache) { Expiration = TimeSpan.FromDays(30) };
        var record = Record("3947452d-7cc0-48b3-afe7-d053c1083b78", T0.AddHours(1));

        await store.SetAsync("user-1", record);

        Assert.Equal(
            """{"provider":"Perplexity","kind":"Thread","conversationId":"3947452d-7cc0-48b3-afe7-d053c1083b78","isStateless":false,"createdAt":"2026-01-01T00:00:00+00:00","threadStartedAt":"2026-01-01T00:00:00+00:00","lastUsedAt":"2026-01-01T01:00:00+00:00","turnCount":3,"messageCount":6}""",
            Encoding.UTF8.GetString((await cache.GetAsync("threadclient:session:user-1"))!));
        Assert.Equal(TimeSpan.FromDays(30), cache.Writes["threadclient:session:user-1"].SlidingExpiration);
        Assert.Equal(record, await store.GetAsync("user-1"));
        Assert.True(await store.RemoveAsync("user-1"));
        Assert.Null(await store.GetAsync("user-1"));
    }

    [Fact]
    public async Task Two_independent_clients_sharing_one_cache_continue_the_same_conversation_and_see_each_others_fallback()
    {
        var cache = new RecordingCache();
        var handlerA = new RecordingHandler(PerplexityReply(ThreadA, "a1"), PerplexityReply(ThreadB, "a3"));
        var handlerB = new RecordingHandler(PerplexityReply(ThreadA, "b2"), PerplexityThreadNotFound(), PerplexityReply(ThreadB, "b2 again"));
        using var instanceA = RecordingHandler.CreateClient(handlerA, o => o.SessionStore = new DistributedThreadSessionStore(cache));
        using var instanceB = RecordingHandler.CreateClient(handlerB, o => o.SessionStore = new DistributedThreadSessionStore(cache));

        var onA = await instanceA.Sessions.GetOrStartPerplexityAsync("user-1");
        await onA.SendAsync("q1");
        var onB = await instanceB.Sessions.GetOrStartPerplexityAsync("user-1");
        Assert.Equal(ThreadA, onB.ThreadId);
        await onB.SendAsync("q2");
        var fallback = await onB.SendAsync("q2b");
        Assert.True(fallback.ThreadReplaced);

        await onA.SendAsync("q3");

        Assert.Equal(ThreadA, Body(handlerB.Requests.First()).GetProperty("thread_id").GetString());
        Assert.Equal(ThreadB, Body(handlerA.Requests.Last()).GetProperty("thread_id").GetString());
        var stored = await instanceA.Sessions.Store.GetAsync("user-1");
        Assert.Equal((ThreadB, 4), (stored!.ConversationId, stored.TurnCount));
    }

    [Fact]
    public async Task A_session_is_saved_after_every_turn_and_resumed_by_key()
    {
        var handler = new RecordingHandler((_, i) => AitronosReply("resp_" + i, null, "ok"));
        using var client = RecordingHandler.CreateClient(handler);
        var options = new AitronosSessionOptions { ThreadIdFactory = () => "support_u1_t9" };

        var first = await client.Sessions.GetOrStartAitronosAsync("ticket-9", options);
        Assert.Null(await client.Sessions.Store.GetAsync("ticket-9"));
        await first.SendAsync("Hello");
        var saved = await client.Sessions.Store.GetAsync("ticket-9");
        var again = await client.Sessions.GetOrStartAitronosAsync("ticket-9", options);

        Assert.Equal(("Aitronos", SessionKind.Thread, "support_u1_t9", 1, 2), (saved!.Provider, saved.Kind, saved.ConversationId, saved.TurnCount, saved.MessageCount));
        Assert.Equal("support_u1_t9", again.ThreadId);
        Assert.Equal("ticket-9", again.Key);
    }

    [Fact]
    public async Task A_key_holding_another_kind_of_conversation_is_refused()
    {
        var handler = new RecordingHandler((_, i) => AitronosReply("resp_" + i, null, "ok"));
        using var client = RecordingHandler.CreateClient(handler);
        var chain = await client.Sessions.GetOrStartChainAsync("user-7");
        await chain.SendAsync("hi");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Sessions.GetOrStartAitronosAsync("user-7"));

        Assert.Contains("Aitronos ResponseChain", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => client.Sessions.GetOrStartPerplexityAsync(" "));
    }

    [Fact]
    public async Task Prune_forgets_conversations_unused_for_the_given_age_by_the_clients_clock()
    {
        var clock = new TrackingTimeProvider();
        var handler = new RecordingHandler((_, i) => PerplexityReply(ThreadA, "ok"));
        using var client = RecordingHandler.CreateClient(handler, o => o.TimeProvider = clock);
        await (await client.Sessions.GetOrStartPerplexityAsync("stale")).SendAsync("q");
        clock.Advance(TimeSpan.FromHours(30));
        await (await client.Sessions.GetOrStartPerplexityAsync("fresh")).SendAsync("q");

        var removed = await client.Sessions.PruneAsync(TimeSpan.FromHours(24));

        Assert.Equal(1, removed);
        Assert.Null(await client.Sessions.Store.GetAsync("stale"));
        Assert.NotNull(await client.Sessions.Store.GetAsync("fresh"));
        Assert.True(await client.Sessions.RemoveAsync("fresh"));
    }

    [Fact]
    public async Task A_store_that_fails_to_save_does_not_fail_the_turn_and_is_logged()
    {
        var cache = new RecordingCache { FailWrites = true };
        var logs = new FakeLogs();
        var handler = new RecordingHandler(PerplexityReply(ThreadA, "ok"));
        using var client = RecordingHandler.CreateClient(handler, o =>
        {
            o.SessionStore = new DistributedThreadSessionStore(cache);
            o.LoggerFactory = logs;
        });
        var session = await client.Sessions.GetOrStartPerplexityAsync("user-1");

        var reply = await session.SendAsync("q");

        Assert.Equal("ok", reply.Text);
        Assert.Equal(ThreadA, session.ThreadId);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("could not write the session store", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_goes_down_mid_conversation_costs_no_turn_and_one_warning_and_gets_every_turn_when_back()
    {
        var cache = new RecordingCache();
        var logs = new FakeLogs();
        var handler = new RecordingHandler((_, i) => PerplexityReply(ThreadA, "answer " + i));
        using var client = RecordingHandler.CreateClient(handler, o =>
        {
            o.SessionStore = new DistributedThreadSessionStore(cache);
            o.LoggerFactory = logs;
        });
        var session = await client.Sessions.GetOrStartPerplexityAsync("user-1");
        await session.SendAsync("one");

        (cache.FailReads, cache.FailWrites) = (true, true);
        var two = await session.SendAsync("two");
        var three = await session.SendAsync("three");
        (cache.FailReads, cache.FailWrites) = (false, false);
        await session.SendAsync("four");
        var stored = await client.Sessions.Store.GetAsync("user-1");

        Assert.Equal(("answer 1", "answer 2"), (two.Text, three.Text));
        var warning = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("could not read the session store", warning.Message, StringComparison.Ordinal);
        Assert.Equal(3, logs.Entries.Count(e => e.Id.Id == 15));
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("reached the session store again", StringComparison.Ordinal));
        Assert.Equal(4, stored!.TurnCount);
        Assert.Equal(["one", "answer 0", "two", "answer 1", "three", "answer 2", "four", "answer 3"], stored.Transcript!.Select(m => m.Text));
    }

    [Fact]
    public async Task Two_sessions_on_one_key_take_turns_and_continue_one_thread()
    {
        var handler = new HeldFirstReply();
        using var client = new ThreadsClient(new ThreadsClientOptions { Perplexity = { ApiKey = TestKeys.Perplexity }, Resilience = { Enabled = false } }, handler);
        var one = await client.Sessions.GetOrStartPerplexityAsync("user-1");
        var two = await client.Sessions.GetOrStartPerplexityAsync("user-1");

        var turnOne = one.SendAsync("first");
        var turnTwo = two.SendAsync("second");
        await handler.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(turnTwo.IsCompleted);
        handler.Release.SetResult();
        await Task.WhenAll(turnOne, turnTwo).WaitAsync(TimeSpan.FromSeconds(5));

        var sent = handler.Bodies.ToArray();
        Assert.False(JsonDocument.Parse(sent[0]).RootElement.TryGetProperty("thread_id", out _));
        Assert.Equal(SessionReplies.ThreadA, JsonDocument.Parse(sent[1]).RootElement.GetProperty("thread_id").GetString());
        Assert.Equal(2, (await client.Sessions.Store.GetAsync("user-1"))!.TurnCount);
    }

    /// <summary>Holds the first reply until released; answers thread A every time.</summary>
    private sealed class HeldFirstReply : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Bodies { get; } = new();

        public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (Bodies.Count == 1)
            {
                FirstArrived.SetResult();
                await Release.Task;
            }

            return SessionReplies.PerplexityReply(SessionReplies.ThreadA, "answer " + Bodies.Count);
        }
    }
}
