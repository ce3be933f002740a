using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Testing;

namespace ThreadClient.IntegrationTests;

/// <summary>Conversations shared through a real Redis (<c>AddStackExchangeRedisCache</c>'s cache), between clients, processes and outages.</summary>
[Collection(RedisGroup.Name)]
public sealed class RedisSessionTests(RedisFixture redis)
{
    private const string ApiKey = "pplx-integration-secret-key";

    [Fact]
    public async Task Two_app_processes_continue_one_conversation_and_each_sees_the_others_fallback()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = Instance();
        using var client = Client(emulator, RedisFixture.Cache(redis.Server, instance));
        var key = "user:42";
        var here = await client.Sessions.GetOrStartPerplexityAsync(key, new PerplexitySessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay });
        await here.SendAsync("Hello from process one");
        var thread = here.ThreadId;

        var there = await PeerAsync(emulator, instance, key, "Hello from process two");
        Assert.True(emulator.ExpirePerplexityThread(thread!));
        var fallback = await PeerAsync(emulator, instance, key, "After the thread expired");
        var back = await here.SendAsync("Back in process one");

        Assert.Equal(thread, there.Thread);
        Assert.Equal(["Hello from process one"], EmulatorReplies.EarlierTurns(there.Text));
        Assert.Equal(nameof(ThreadReplacementReason.ThreadNotFound), fallback.Replacement);
        Assert.NotEqual(thread, fallback.Thread);
        Assert.Equal(["Hello from process one", "Hello from process two"], EmulatorReplies.EarlierTurns(fallback.Text));
        Assert.Equal(fallback.Thread, here.ThreadId);
        Assert.Null(back.Replacement);
        Assert.Equal(["Hello from process one", "Hello from process two", "After the thread expired"], EmulatorReplies.EarlierTurns(back.Text));
    }

    [Fact]
    public async Task Records_expire_sliding_as_configured_and_an_expired_record_starts_a_new_conversation()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = Instance();
        var store = new DistributedThreadSessionStore(RedisFixture.Cache(redis.Server, instance)) { Expiration = TimeSpan.FromMinutes(10), TextExpiration = TimeSpan.FromMinutes(10) };
        using var client = Client(emulator, store);
        var key = instance + "threadclient:session:user:7";
        var db = redis.Connection.GetDatabase();
        var session = await client.Sessions.GetOrStartPerplexityAsync("user:7");
        await session.SendAsync("one");

        var fresh = await db.KeyTimeToLiveAsync(key);
        await db.KeyExpireAsync(key, TimeSpan.FromSeconds(30));
        await session.SendAsync("two");
        var slid = await db.KeyTimeToLiveAsync(key);
        await db.KeyExpireAsync(key, DateTime.UtcNow.AddSeconds(-1)); // an expiry in the past removes the record now
        var restarted = await client.Sessions.GetOrStartPerplexityAsync("user:7");

        Assert.InRange(fresh!.Value, TimeSpan.FromMinutes(9.5), TimeSpan.FromMinutes(10));
        Assert.InRange(slid!.Value, TimeSpan.FromMinutes(9.5), TimeSpan.FromMinutes(10));
        Assert.Null(restarted.ThreadId);
        Assert.Equal(0, restarted.Record.TurnCount);
    }

    [Fact]
    public async Task Redis_stopped_mid_conversation_costs_no_turn_and_one_warning_and_the_state_resumes_when_it_is_back()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        await using var own = await RedisServer.StartPrivateAsync();
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
        var instance = Instance();
        using var client = Client(emulator, new DistributedThreadSessionStore(RedisFixture.Cache(own, instance, failFast: true)), loggers);
        var session = await client.Sessions.GetOrStartPerplexityAsync("user:9");
        await session.SendAsync("before the outage");

        await own.StopAsync();
        var during = new[] { await session.SendAsync("during one"), await session.SendAsync("during two") };
        await own.StartAsync();
        var after = await session.SendAsync("after the outage");
        var other = await PeerAsync(emulator, instance, "user:9", "from another instance", own);

        Assert.Equal(["before the outage"], EmulatorReplies.EarlierTurns(during[0].Text));
        Assert.Equal(["before the outage", "during one"], EmulatorReplies.EarlierTurns(during[1].Text));
        Assert.All(during, d => Assert.Null(d.Replacement));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Contains("could not read the session store", warning.Message, StringComparison.Ordinal);
        Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("reached the session store again", StringComparison.Ordinal));
        Assert.Equal(["before the outage", "during one", "during two"], EmulatorReplies.EarlierTurns(after.Text));
        Assert.Equal(session.ThreadId, other.Thread);
        Assert.Equal(["before the outage", "during one", "during two", "after the outage"], EmulatorReplies.EarlierTurns(other.Text));
    }

    [Fact]
    public async Task A_thousand_conversations_at_once_never_cross()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator, RedisFixture.Cache(redis.Server, Instance()));
        var keys = Enumerable.Range(0, 1000).Select(i => $"user:{i}").ToList();

        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
            await (await client.Sessions.GetOrStartPerplexityAsync(key, cancellationToken: ct)).SendAsync("first of " + key, ct));
        var seconds = new System.Collections.Concurrent.ConcurrentDictionary<string, (string? Thread, IReadOnlyList<string> Earlier)>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, ct) =>
        {
            var session = await client.Sessions.GetOrStartPerplexityAsync(key, cancellationToken: ct);
            var reply = await session.SendAsync("second of " + key, ct);
            seconds[key] = (session.ThreadId, EmulatorReplies.EarlierTurns(reply.Text));
        });

        Assert.All(keys, key => Assert.Equal(["first of " + key], seconds[key].Earlier));
        Assert.Equal(1000, seconds.Values.Select(s => s.Thread).Distinct().Count());
    }

    [Fact]
    public async Task Keys_and_values_are_as_documented_with_no_api_key_and_thread_ids_only_in_values()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = Instance();
        using var client = Client(emulator, RedisFixture.Cache(redis.Server, instance));
        var session = await client.Sessions.GetOrStartPerplexityAsync("ticket:T-1");
        await session.SendAsync("what is in the store?");
        var server = redis.Connection.GetServer(redis.Server.Endpoint);

        var keys = server.Keys(pattern: instance + "*").Select(k => k.ToString()).ToList();
        var fields = await redis.Connection.GetDatabase().HashGetAllAsync(keys.Single());
        var data = fields.Single(f => f.Name == "data").Value.ToString();
        var record = JsonDocument.Parse(data).RootElement;

        Assert.Equal([instance + "threadclient:session:ticket:T-1"], keys);
        Assert.DoesNotContain(session.ThreadId!, keys.Single(), StringComparison.Ordinal);
        Assert.Equal(session.ThreadId, record.GetProperty("conversationId").GetString());
        Assert.Equal("perplexity", record.GetProperty("provider").GetString(), ignoreCase: true);
        Assert.DoesNotContain(ApiKey, string.Concat(fields.Select(f => f.Value.ToString())), StringComparison.Ordinal);
        Assert.DoesNotContain("pplx-", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compacted_agent_conversation_keeps_its_summary_key_and_costs_through_a_restart_on_redis()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = Instance();
        var summarizer = new ListingSummarizer();
        var options = new Perplexity.Agent.AgentSessionOptions { ReplayTurns = 20, Summarizer = summarizer };
        var key = "user:compact";
        string? cacheKey;
        ConversationUsage before;
        using (var first = Client(emulator, RedisFixture.Cache(redis.Server, instance)))
        {
            var session = await first.Perplexity.Agent.GetOrStartSessionAsync(key, options);
            for (var n = 1; n <= 21; n++)
            {
                await session.SendAsync($"turn {n}");
            }

            (cacheKey, before) = (session.Record.PromptCacheKey, session.Usage);
        }

        // A new client (an app restart) on the same Redis: the summary, its key and the costs come back from the store.
        using var restarted = Client(emulator, RedisFixture.Cache(redis.Server, instance));
        var resumed = await restarted.Perplexity.Agent.GetOrStartSessionAsync(key, options);
        SessionReply<Perplexity.Agent.AgentResponse>? last = null;
        for (var n = 22; n <= 30; n++)
        {
            last = await resumed.SendAsync($"turn {n}");
        }

        Assert.Equal(("turns 1-11", 11), (resumed.Record.Summary, resumed.Record.SummarizedTurnCount));
        var thirtieth = JsonDocument.Parse(emulator.Requests[^1].Body).RootElement;
        Assert.Equal("Summary of the earlier conversation:\nturns 1-11", thirtieth.GetProperty("input")[0].GetProperty("content").GetString());
        Assert.Equal([.. Enumerable.Range(12, 18).Select(n => $"turn {n}")], EmulatorReplies.EarlierTurns(last!.Text));
        Assert.Equal(cacheKey, thirtieth.GetProperty("prompt_cache_key").GetString());
        Assert.Equal((21, 1), (before.Turns, before.Compactions));
        Assert.Equal((30, 1), (resumed.Usage.Turns, resumed.Usage.Compactions));
        Assert.True(resumed.Usage.Cost > before.Cost && resumed.Usage.CacheReadInputTokens > before.CacheReadInputTokens);
        Assert.Single(summarizer.Calls);
    }

    private sealed class ListingSummarizer : IConversationSummarizer
    {
        public List<ConversationSummaryRequest> Calls { get; } = [];

        public Task<ConversationSummary> SummarizeAsync(ConversationSummaryRequest request, CancellationToken cancellationToken)
        {
            Calls.Add(request);
            var users = request.Turns.Where(static m => m.Role == "user").Select(static m => m.Text.Split(' ')[1]).ToList();
            return Task.FromResult(new ConversationSummary($"turns {users[0]}-{users[^1]}"));
        }
    }

    /// <summary>The peer from its own build folder (its dependencies differ from this test project's, which has the ASP.NET Core framework).</summary>
    private static readonly string PeerPath = Path.GetFullPath(Path.Combine(
        AppContext.BaseDirectory, "..", "..", "..", "..", "ThreadClient.IntegrationTests.Peer", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "ThreadClient.IntegrationTests.Peer.dll"));

    private static string Instance() => $"it-{Guid.NewGuid():N}:";

    private static ThreadsClient Client(ThreadsEmulator emulator, IDistributedCache cache, ILoggerFactory? loggers = null) =>
        Client(emulator, new DistributedThreadSessionStore(cache), loggers);

    private static ThreadsClient Client(ThreadsEmulator emulator, IThreadSessionStore store, ILoggerFactory? loggers = null) => new(new ThreadsClientOptions
    {
        Perplexity = { ApiKey = ApiKey, BaseAddress = emulator.BaseAddress },
        SessionStore = store,
        LoggerFactory = loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
    });

    private sealed record PeerTurn(string? Thread, string Text, string? Replacement);

    /// <summary>One turn in another process: the peer app, wired to the same Redis as README shows.</summary>
    private async Task<PeerTurn> PeerAsync(ThreadsEmulator emulator, string instance, string key, string text, RedisServer? server = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                PeerPath,
                server?.Configuration ?? redis.Server.PatientConfiguration, instance, emulator.BaseAddress.ToString(), key, text,
            },
        };
        using var peer = Process.Start(start)!;
        var output = peer.StandardOutput.ReadToEndAsync();
        var errors = peer.StandardError.ReadToEndAsync();
        await peer.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(peer.ExitCode == 0, $"the peer failed ({peer.ExitCode}): {await errors}");
        var line = JsonDocument.Parse((await output).Trim()).RootElement;
        return new PeerTurn(line.GetProperty("thread").GetString(), line.GetProperty("text").GetString()!, line.GetProperty("replacement").GetString());
    }
}
