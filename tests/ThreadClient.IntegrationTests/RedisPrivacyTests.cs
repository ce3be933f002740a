using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;

namespace ThreadClient.IntegrationTests;

/// <summary>Conversation text on a real Redis: encrypted at rest with a key ring the app instances share, and erased on request.</summary>
[Collection(RedisGroup.Name)]
public sealed class RedisPrivacyTests(RedisFixture redis)
{
    private const string Secret = "diagnosis-d41-private";

    /// <summary>An app instance's Data Protection, its key ring kept in the same Redis (as several instances share one).</summary>
    private IDataProtectionProvider KeyRing(string instance) =>
        new ServiceCollection()
            .AddDataProtection()
            .SetApplicationName("threadclient-integration")
            .PersistKeysToStackExchangeRedis(redis.Connection, instance + "dataprotection-keys")
            .Services.BuildServiceProvider()
            .GetRequiredService<IDataProtectionProvider>();

    private static ThreadsClient Client(ThreadsEmulator emulator, string instance, RedisServer server, IDataProtectionProvider? keys) => new(new ThreadsClientOptions
    {
        Perplexity = { ApiKey = "pplx-integration-secret-key", BaseAddress = emulator.BaseAddress },
        SessionStore = new DistributedThreadSessionStore(RedisFixture.Cache(server, instance)),
        Privacy = { DataProtectionProvider = keys },
    });

    [Fact]
    public async Task The_stored_value_holds_none_of_the_conversation_and_a_second_instance_sharing_the_key_ring_continues_it()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = $"it-{Guid.NewGuid():N}:";
        using (var first = Client(emulator, instance, redis.Server, KeyRing(instance)))
        {
            await (await first.Perplexity.Agent.GetOrStartSessionAsync("patient-1")).SendAsync("My " + Secret + " worries me");
        }

        var stored = (string?)await redis.Connection.GetDatabase().HashGetAsync(instance + "threadclient:session:patient-1", "data");
        using var second = Client(emulator, instance, redis.Server, KeyRing(instance));
        var session = await second.Perplexity.Agent.GetOrStartSessionAsync("patient-1");
        var reply = await session.SendAsync("What now?");
        using var stranger = Client(emulator, instance, redis.Server, new EphemeralDataProtectionProvider());

        Assert.NotNull(stored);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Echo", stored, StringComparison.Ordinal);
        Assert.Contains("protectedText", stored, StringComparison.Ordinal);
        Assert.Equal(["My " + Secret + " worries me"], EmulatorReplies.EarlierTurns(reply.Text));
        await Assert.ThrowsAsync<SessionRecordUnreadableException>(() => stranger.Perplexity.Agent.GetOrStartSessionAsync("patient-1"));
    }

    [Fact]
    public async Task Forget_erases_the_record_from_redis_and_lists_what_perplexity_keeps()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var instance = $"it-{Guid.NewGuid():N}:";
        using var client = Client(emulator, instance, redis.Server, KeyRing(instance));
        await (await client.Perplexity.Agent.GetOrStartSessionAsync("patient-2")).SendAsync(Secret);
        var db = redis.Connection.GetDatabase();
        Assert.True(await db.KeyExistsAsync(instance + "threadclient:session:patient-2"));

        var forgot = await client.Sessions.ForgetAsync("patient-2");

        Assert.False(await db.KeyExistsAsync(instance + "threadclient:session:patient-2"));
        Assert.Equal(["session record"], forgot.Erased);
        Assert.Single(forgot.NotErased);
        var fresh = await client.Perplexity.Agent.GetOrStartSessionAsync("patient-2");
        Assert.Equal(0, fresh.Record.TurnCount);
    }
}
