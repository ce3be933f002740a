using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace ThreadClient.IntegrationTests;

/// <summary>One Redis for every test of the collection (see <see cref="RedisServer.SharedAsync"/>), stopped after them if this process started it.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RedisServer.SharedAsync();
        Connection = await ConnectionMultiplexer.ConnectAsync(Server.PatientConfiguration);
    }

    public async Task DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// An <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> over this Redis, as <c>AddStackExchangeRedisCache</c>
    /// builds it: patient by default; failing fast (1 s) for a test of an outage.
    /// </summary>
    public static RedisCache Cache(RedisServer server, string instance, bool failFast = false) =>
        new(new RedisCacheOptions { Configuration = failFast ? server.Configuration : server.PatientConfiguration, InstanceName = instance });
}

[CollectionDefinition(Name)]
public sealed class RedisGroup : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
