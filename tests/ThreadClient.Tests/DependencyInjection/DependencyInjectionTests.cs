using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThreadClient.Aitronos;
using ThreadClient.DependencyInjection;
using ThreadClient.Http;
using ThreadClient.Perplexity;
using ThreadClient.Sessions;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Sessions.SessionReplies;

namespace ThreadClient.Tests.DependencyInjection;

public sealed class DependencyInjectionTests
{
    private const string FullSection = """
        {
          "ThreadClient": {
            "Perplexity": { "ApiKey": "pplx-from-config", "BaseAddress": "https://pplx.example/", "DefaultModel": "sonar-pro", "ValidateThreadingModel": false,
                            "AgentPath": "v1/agent", "ChatCompletionsRetirement": "Throw", "SonarModelMap": { "SONAR-PRO": "fast", "sonar-x": "perplexity/sonar-x" } },
            "Aitronos": { "ApiKey": "freddy-from-config", "BaseAddress": "https://freddy.example/", "DefaultModel": "gpt-4.1-mini", "FieldNaming": "SnakeCase",
                          "MetadataLimits": { "MaxBytes": 8192, "MaxKeys": 8, "MaxKeyLength": 32, "MaxValueLength": 256 } },
            "Resilience": { "MaxRetries": 3, "CrudAttemptTimeout": "00:00:15", "RetryMode": "Always", "StreamIdleTimeout": "00:02:30",
                            "CircuitBreaker": { "Enabled": true, "BreakDuration": "00:00:10" } },
            "Sessions": { "Kind": "DistributedCache", "KeyPrefix": "app1:", "Expiration": "7.00:00:00" },
            "Telemetry": { "RecordConversationIds": true }
          }
        }
        """;

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public async Task The_client_resolves_as_one_thread_safe_singleton_sending_through_the_factory()
    {
        var primary = new RecordingHandler((_, _) => PerplexityReply(ThreadA, "hi"));
        var services = new ServiceCollection();
        services.AddThreadsClient(o => o.Perplexity.ApiKey = TestKeys.Perplexity)
            .Perplexity.ConfigurePrimaryHttpMessageHandler(() => primary);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var client = provider.GetRequiredService<ThreadsClient>();
        Assert.Same(client, provider.GetRequiredService<IThreadsClient>());
        var reply = await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("Q") } });

        Assert.Equal("hi", reply.Content);
        Assert.Equal("Bearer " + TestKeys.Perplexity, primary.OnlyRequest.Headers["Authorization"]);
        Assert.Equal("https://api.perplexity.ai/chat/completions", primary.OnlyRequest.Uri.ToString());
    }

    [Fact]
    public void Every_option_binds_from_json_configuration()
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddThreadsClient(Configuration(FullSection).GetSection("ThreadClient"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ThreadsClientOptions>>().Get(Options.DefaultName);

        Assert.Equal(("pplx-from-config", "https://pplx.example/", "sonar-pro", false), (options.Perplexity.ApiKey, options.Perplexity.BaseAddress.ToString(), options.Perplexity.DefaultModel, options.Perplexity.ValidateThreadingModel));
        Assert.Equal(("v1/agent", ChatCompletionsRetirementPolicy.Throw), (options.Perplexity.AgentPath, options.Perplexity.ChatCompletionsRetirement));
        Assert.Equal(("fast", "perplexity/sonar-x", "perplexity/sonar"), (options.Perplexity.SonarModelMap["sonar-pro"], options.Perplexity.SonarModelMap["sonar-x"], options.Perplexity.SonarModelMap["sonar"]));
        Assert.Equal(("freddy-from-config", "https://freddy.example/", "gpt-4.1-mini", AitronosFieldNaming.SnakeCase), (options.Aitronos.ApiKey, options.Aitronos.BaseAddress.ToString(), options.Aitronos.DefaultModel, options.Aitronos.FieldNaming));
        Assert.Equal((8192, 8, 32, 256), (options.Aitronos.MetadataLimits.MaxBytes, options.Aitronos.MetadataLimits.MaxKeys, options.Aitronos.MetadataLimits.MaxKeyLength, options.Aitronos.MetadataLimits.MaxValueLength));
        Assert.Equal((3, TimeSpan.FromSeconds(15), RetryMode.Always, TimeSpan.FromSeconds(150)), (options.Resilience.MaxRetries, options.Resilience.CrudAttemptTimeout, options.Resilience.RetryMode, options.Resilience.StreamIdleTimeout));
        Assert.Equal((true, TimeSpan.FromSeconds(10)), (options.Resilience.CircuitBreaker.Enabled, options.Resilience.CircuitBreaker.BreakDuration));
        Assert.Equal((SessionStoreKind.DistributedCache, "app1:", TimeSpan.FromDays(7)), (options.Sessions.Kind, options.Sessions.KeyPrefix, options.Sessions.Expiration));
        Assert.True(options.Telemetry.RecordConversationIds);
    }

    [Theory]
    [InlineData("""{ "Perplexity": { "ApiKey": "k" }, "Resilience": { "CrudAttemptTimeout": "00:00:00" } }""", "ThreadsClientOptions.Resilience.CrudAttemptTimeout")]
    [InlineData("""{ "Perplexity": { "ApiKey": "k" }, "Resilience": { "MaxRetries": -1 } }""", "ThreadsClientOptions.Resilience.MaxRetries")]
    [InlineData("""{ "Perplexity": { "ApiKey": "k", "BaseAddress": "http://pplx.example/" } }""", "ThreadsClientOptions.Perplexity.BaseAddress must use https")]
    [InlineData("""{ "Aitronos": { "BaseAddress": "https://freddy.example/" } }""", "No provider has a key")]
    [InlineData("""{ "Perplexity": { "ApiKey": "k" }, "Sessions": { "Kind": "DistributedCache" } }""", "no IDistributedCache is registered")]
    public async Task The_generic_host_refuses_to_start_with_bad_settings_naming_them(string section, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "ThreadClient": """ + section + " }")));
        builder.Services.AddThreadsClient(builder.Configuration.GetSection("ThreadClient"));
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pplx-", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generic_host_starts_and_serves_the_client_with_a_loopback_http_address()
    {
        var primary = new RecordingHandler((_, _) => AitronosReply("resp_1", "support_u1", "hello"));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "ThreadClient": { "Aitronos": { "ApiKey": "k-1", "BaseAddress": "http://127.0.0.1:5999/" } } }""")));
        builder.Services.AddThreadsClient(builder.Configuration.GetSection("ThreadClient")).Aitronos.ConfigurePrimaryHttpMessageHandler(() => primary);
        using var host = builder.Build();
        await host.StartAsync();

        var session = await host.Services.GetRequiredService<IThreadsClient>().Sessions.GetOrStartAitronosAsync("user-1");
        var reply = await session.SendAsync("hi");

        Assert.Equal("hello", reply.Text);
        Assert.Equal("http://127.0.0.1:5999/v1/model/response", primary.OnlyRequest.Uri.ToString());
        await host.StopAsync();
    }

    [Fact]
    public async Task Keyed_clients_keep_their_accounts_apart()
    {
        var first = new RecordingHandler((_, _) => AitronosReply("r", "t", "one"));
        var second = new RecordingHandler((_, _) => AitronosReply("r", "t", "two"));
        var services = new ServiceCollection();
        services.AddThreadsClient("tenant-a", o => o.Aitronos.ApiKey = "key-a").Aitronos.ConfigurePrimaryHttpMessageHandler(() => first);
        services.AddThreadsClient("tenant-b", o => o.Aitronos.ApiKey = "key-b").Aitronos.ConfigurePrimaryHttpMessageHandler(() => second);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var a = provider.GetRequiredKeyedService<IThreadsClient>("tenant-a");
        var b = provider.GetRequiredKeyedService<IThreadsClient>("tenant-b");
        var replyA = await a.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("q") } });
        var replyB = await b.Aitronos.CreateResponseAsync(new AitronosResponseRequest { Model = "m", Inputs = { AitronosInput.User("q") } });

        Assert.NotSame(a, b);
        Assert.NotSame(a.Sessions.Store, b.Sessions.Store);
        Assert.Equal(("one", "two"), (replyA.OutputText, replyB.OutputText));
        Assert.Equal("key-a", first.OnlyRequest.Headers["X-API-Key"]);
        Assert.Equal("key-b", second.OnlyRequest.Headers["X-API-Key"]);
        Assert.Null(provider.GetService<IThreadsClient>());
    }

    [Fact]
    public async Task User_handlers_run_inside_the_resilience_pipeline_once_per_attempt()
    {
        var clock = new TrackingTimeProvider();
        var primary = new RecordingHandler(RecordingHandler.Json("{}", HttpStatusCode.ServiceUnavailable), RecordingHandler.Json("""{"id":"th_1"}"""));
        var stamp = new StampingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddThreadsClient(o => o.Aitronos.ApiKey = TestKeys.Aitronos).Aitronos
            .AddHttpMessageHandler(() => stamp)
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ThreadsClient>();

        var call = client.Aitronos.Threads.GetAsync("th_1");
        await clock.RunUntilCompleteAsync(call, TimeSpan.FromSeconds(5));
        await call;

        Assert.Equal(2, stamp.Calls);
        Assert.All(primary.Requests, r => Assert.Equal("yes", r.Headers["x-stamped"]));
    }

    [Fact]
    public async Task Handler_rotation_by_the_factory_does_not_break_a_session()
    {
        var (rotating, clock) = (new RotatingFactory(() => PerplexityReply(ThreadA, "ok")), new TrackingTimeProvider());
        await using var provider = RotatingProvider(rotating, clock);
        var session = provider.GetRequiredService<ThreadsClient>().Perplexity.StartSession();

        // A factory client is reused for 30 s: past that, each call takes a new one (here, a new handler).
        await session.SendAsync("q1");
        clock.Advance(TimeSpan.FromSeconds(31));
        await session.SendAsync("q2");
        clock.Advance(TimeSpan.FromSeconds(31));
        var third = await session.SendAsync("q3");

        Assert.Equal(3, rotating.HandlersCreated);
        Assert.Equal(ThreadA, third.ConversationId);
        Assert.Equal([null, ThreadA, ThreadA], rotating.ThreadIdsSent);
    }

    [Fact]
    public async Task Calls_within_30_seconds_reuse_one_factory_client_so_a_call_allocates_none()
    {
        var (rotating, clock) = (new RotatingFactory(() => PerplexityReply(ThreadA, "ok")), new TrackingTimeProvider());
        await using var provider = RotatingProvider(rotating, clock);
        var client = provider.GetRequiredService<ThreadsClient>();

        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("q") } });
        }

        Assert.Equal(1, rotating.HandlersCreated);
        clock.Advance(TimeSpan.FromSeconds(10));
        await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("q") } });
        Assert.Equal(2, rotating.HandlersCreated);
    }

    [Fact]
    public async Task A_handler_lifetime_shorter_than_30_seconds_bounds_how_long_a_factory_client_is_reused()
    {
        var (rotating, clock) = (new RotatingFactory(() => PerplexityReply(ThreadA, "ok")), new TrackingTimeProvider());
        var services = new ServiceCollection();
        services.AddThreadsClient(o => o.Perplexity.ApiKey = TestKeys.Perplexity).Perplexity.SetHandlerLifetime(TimeSpan.FromSeconds(5));
        services.AddSingleton<IHttpClientFactory>(rotating);
        services.AddSingleton<TimeProvider>(clock);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ThreadsClient>();

        for (var i = 0; i < 3; i++)
        {
            await client.Perplexity.CreateChatCompletionAsync(new ChatCompletionRequest { Messages = { ChatMessage.User("q") } });
            clock.Advance(TimeSpan.FromSeconds(6));
        }

        Assert.Equal(3, rotating.HandlersCreated);
    }

    [Fact]
    public async Task One_call_keeps_sessions_in_the_registered_distributed_cache()
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        services.AddThreadsClient(o => o.Perplexity.ApiKey = TestKeys.Perplexity)
            .UseDistributedCacheSessionStore()
            .Perplexity.ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler((_, _) => PerplexityReply(ThreadA, "ok")));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ThreadsClient>();

        await (await client.Sessions.GetOrStartPerplexityAsync("user-1")).SendAsync("q");

        Assert.IsType<DistributedThreadSessionStore>(client.Sessions.Store);
        Assert.NotNull(await provider.GetRequiredService<IDistributedCache>().GetAsync("threadclient:session:user-1"));
    }

    [Fact]
    public void Asking_for_the_distributed_store_without_a_cache_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddThreadsClient(o => o.Perplexity.ApiKey = TestKeys.Perplexity).UseDistributedCacheSessionStore();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ThreadsClient>());

        Assert.Contains("no IDistributedCache is registered", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddStackExchangeRedisCache", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_factorys_request_logging_is_removed_so_thread_ids_stay_out_of_information_logs()
    {
        var logs = new FakeLogs();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddLogging();
        services.AddThreadsClient(o => o.Aitronos.ApiKey = TestKeys.Aitronos)
            .Aitronos.ConfigurePrimaryHttpMessageHandler(() => new RecordingHandler((_, _) => RecordingHandler.Json("""{"id":"th_SECRET_9"}""")));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ThreadsClient>().Aitronos.Threads.GetAsync("th_SECRET_9");

        Assert.Contains(logs.Entries, e => e.Message.Contains("th_SECRET_9", StringComparison.Ordinal));
        Assert.All(logs.Entries.Where(e => e.Message.Contains("th_SECRET_9", StringComparison.Ordinal)), e => Assert.Equal(LogLevel.Debug, e.Level));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(TestKeys.Aitronos, StringComparison.Ordinal));
    }

    private sealed class StampingHandler : DelegatingHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            request.Headers.Remove("x-stamped");
            request.Headers.Add("x-stamped", "yes");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A container whose client takes its HTTP clients from <paramref name="factory"/>, on <paramref name="clock"/>.</summary>
    private static ServiceProvider RotatingProvider(IHttpClientFactory factory, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddThreadsClient(o => o.Perplexity.ApiKey = TestKeys.Perplexity);
        services.AddSingleton(factory);
        services.AddSingleton(clock);
        return services.BuildServiceProvider();
    }

    /// <summary>A factory that builds a new handler for every client, as if each client were taken after a rotation.</summary>
    private sealed class RotatingFactory(Func<HttpResponseMessage> reply) : IHttpClientFactory
    {
        private int _created;

        public int HandlersCreated => Volatile.Read(ref _created);

        public List<string?> ThreadIdsSent { get; } = [];

        public HttpClient CreateClient(string name)
        {
            Interlocked.Increment(ref _created);
            var handler = new RecordingHandler((request, _) =>
            {
                var body = Body(request);
                ThreadIdsSent.Add(body.TryGetProperty("thread_id", out var id) ? id.GetString() : null);
                return reply();
            });
            return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
