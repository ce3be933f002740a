using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ThreadClient.Aitronos;
using ThreadClient.DependencyInjection;
using ThreadClient.Extensions.AI;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Privacy;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Emulator;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Sessions;

/// <summary>Transcripts are personal data: retention, a transcript-free mode, encryption at rest, erasure, scrubbing, and no text in logs or spans.</summary>
public sealed class PrivacyTests
{
    private static SessionRecord Record(DateTimeOffset created, DateTimeOffset? used, bool text) => new()
    {
        Provider = "Perplexity",
        Kind = SessionKind.Agent,
        CreatedAt = created,
        LastUsedAt = used,
        Transcript = text ? [new("user", "hello")] : null,
    };

    [Fact]
    public async Task The_in_memory_store_expires_text_after_30_idle_days_or_90_days_of_age_and_other_records_after_90_idle_days()
    {
        var clock = new TrackingTimeProvider();
        var now = clock.GetUtcNow();
        var store = new InMemoryThreadSessionStore(clock);
        await store.SetAsync("text-idle", Record(now, now, text: true));
        await store.SetAsync("text-old", Record(now, now, text: true));
        await store.SetAsync("ids", Record(now, now, text: false));

        clock.Advance(TimeSpan.FromDays(29));
        Assert.NotNull(await store.GetAsync("text-idle"));
        await store.SetAsync("text-old", Record(now, clock.GetUtcNow(), text: true));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Null(await store.GetAsync("text-idle"));
        Assert.NotNull(await store.GetAsync("text-old"));
        clock.Advance(TimeSpan.FromDays(60));

        Assert.Null(await store.GetAsync("text-old"));
        Assert.Null(await store.GetAsync("ids"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task The_distributed_store_writes_a_sliding_idle_time_and_for_text_an_absolute_maximum_age()
    {
        var cache = new RecordingCache();
        var clock = new TrackingTimeProvider();
        var store = new DistributedThreadSessionStore(cache) { TimeProvider = clock, TextExpiration = TimeSpan.FromDays(7), TextMaxAge = TimeSpan.FromDays(30) };
        var created = clock.GetUtcNow();

        await store.SetAsync("text", Record(created, created, text: true));
        await store.SetAsync("ids", Record(created, created, text: false));
        clock.Advance(TimeSpan.FromDays(31));
        await store.SetAsync("text", Record(created, clock.GetUtcNow(), text: true));

        Assert.Equal((TimeSpan.FromDays(7), created.AddDays(30)), (cache.Options["text"][0].SlidingExpiration!.Value, cache.Options["text"][0].AbsoluteExpiration!.Value));
        Assert.Equal((TimeSpan.FromDays(90), (DateTimeOffset?)null), (cache.Options["ids"][0].SlidingExpiration!.Value, cache.Options["ids"][0].AbsoluteExpiration));
        Assert.Single(cache.Options["text"]);
        Assert.Contains("text", cache.Removed);
    }

    [Fact]
    public async Task Without_transcripts_a_session_that_needs_one_is_refused_when_it_starts_and_one_with_thread_ids_only_works()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => o.Privacy.KeepTranscripts = false);

        var agent = Assert.Throws<ThreadsConfigurationException>(() => client.Perplexity.Agent.StartSession());
        var seed = Assert.Throws<ThreadsConfigurationException>(() => client.Perplexity.StartSession());
        var aitronos = client.Aitronos.StartSession();
        var idsOnly = client.Perplexity.StartSession(new ThreadClient.Perplexity.PerplexitySessionOptions { ReplayTurns = 0 });
        await aitronos.SendAsync("hello");
        await idsOnly.SendAsync("hello");

        Assert.Contains("ThreadsClientOptions.Privacy.KeepTranscripts", agent.Message, StringComparison.Ordinal);
        Assert.Contains("CreateResponseAsync", agent.Message, StringComparison.Ordinal);
        Assert.Contains("ChatCompletionsRetirement", seed.Message, StringComparison.Ordinal);
        Assert.Contains("ReplayTurns = 0", seed.Message, StringComparison.Ordinal);
        Assert.Null(aitronos.Record.Transcript);
        Assert.Null(idsOnly.Record.Transcript);
    }

    [Fact]
    public async Task Encrypted_records_hold_no_text_read_back_whole_and_a_record_from_before_encryption_still_reads()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var inner = new InMemoryThreadSessionStore();
        var provider = new EphemeralDataProtectionProvider();
        await inner.SetAsync("old", new SessionRecord { Provider = "Perplexity", Kind = SessionKind.Agent, IsStateless = true, Transcript = [new("user", "written in the clear"), new(TranscriptMessage.AssistantRole, "before encryption")] });
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.Privacy.DataProtectionProvider) = (inner, provider));

        var session = await client.Perplexity.Agent.GetOrStartSessionAsync("k");
        await session.SendAsync("My card is 4111 1111 1111 1111");
        var old = await client.Perplexity.Agent.GetOrStartSessionAsync("old");
        var reply = await old.SendAsync("and after");

        var stored = JsonSerializer.Serialize(await inner.GetAsync("k"));
        Assert.DoesNotContain("4111", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Echo", stored, StringComparison.Ordinal);
        Assert.NotNull((await inner.GetAsync("k"))!.ProtectedText);
        Assert.Equal("My card is 4111 1111 1111 1111", (await client.Sessions.Store.GetAsync("k"))!.Transcript![0].Text);
        Assert.Equal(["written in the clear"], EmulatorReplies.EarlierTurns(reply.Text));
        Assert.Null((await inner.GetAsync("old"))!.Transcript);
    }

    [Fact]
    public async Task Under_dependency_injection_protect_transcripts_uses_the_containers_data_protection_and_says_when_there_is_none()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var inner = new InMemoryThreadSessionStore();
        var services = new ServiceCollection();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddThreadsClient(o => (o.Perplexity.ApiKey, o.Perplexity.BaseAddress, o.SessionStore, o.Privacy.ProtectTranscripts) = (TestKeys.Perplexity, emulator.BaseAddress, inner, true));
        var missing = new ServiceCollection();
        missing.AddThreadsClient(o => (o.Perplexity.ApiKey, o.Privacy.ProtectTranscripts) = (TestKeys.Perplexity, true));
        await using var container = services.BuildServiceProvider();
        await using var without = missing.BuildServiceProvider();

        var client = container.GetRequiredService<ThreadsClient>();
        await (await client.Perplexity.Agent.GetOrStartSessionAsync("k")).SendAsync("secret words");

        Assert.NotNull((await inner.GetAsync("k"))!.ProtectedText);
        Assert.DoesNotContain("secret", JsonSerializer.Serialize(await inner.GetAsync("k")), StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => without.GetRequiredService<ThreadsClient>());
        Assert.Contains("AddDataProtection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_another_key_ring_protected_is_a_typed_error_never_an_empty_conversation()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var inner = new InMemoryThreadSessionStore();
        using (var first = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.Privacy.DataProtectionProvider) = (inner, new EphemeralDataProtectionProvider())))
        {
            await (await first.Perplexity.Agent.GetOrStartSessionAsync("k")).SendAsync("secret");
        }

        using var other = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.Privacy.DataProtectionProvider) = (inner, new EphemeralDataProtectionProvider()));
        using var none = EmulatorPerplexityTests.Client(emulator, configure: o => o.SessionStore = inner);

        var error = await Assert.ThrowsAsync<SessionRecordUnreadableException>(() => other.Perplexity.Agent.GetOrStartSessionAsync("k"));
        await Assert.ThrowsAsync<SessionRecordUnreadableException>(() => none.Perplexity.Agent.GetOrStartSessionAsync("k"));
        Assert.IsAssignableFrom<System.Security.Cryptography.CryptographicException>(error.InnerException);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_written_with_an_older_key_of_the_ring_reads_after_the_key_rotates()
    {
        var keys = Directory.CreateTempSubdirectory("threadclient-keys-");
        try
        {
            var services = new ServiceCollection().AddDataProtection().PersistKeysToFileSystem(keys).Services.BuildServiceProvider();
            var provider = services.GetRequiredService<IDataProtectionProvider>();
            var inner = new InMemoryThreadSessionStore();
            var store = new ProtectedThreadSessionStore(inner, provider.CreateProtector(PrivacyOptions.DefaultProtectionPurpose));
            await store.SetAsync("k", new SessionRecord { Provider = "Perplexity", Transcript = [new("user", "under the old key")] });

            var manager = services.GetRequiredService<IKeyManager>();
            var before = manager.GetAllKeys().Count;
            manager.CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
            var rotated = new ProtectedThreadSessionStore(inner, new ServiceCollection().AddDataProtection().PersistKeysToFileSystem(keys).Services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(PrivacyOptions.DefaultProtectionPurpose));

            Assert.Equal(before + 1, manager.GetAllKeys().Count);
            Assert.Equal("under the old key", (await rotated.GetAsync("k"))!.Transcript![0].Text);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_scrubber_masks_what_is_stored_not_what_the_turn_sends()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var inner = new InMemoryThreadSessionStore();
        using var client = EmulatorPerplexityTests.Client(emulator, configure: o =>
        {
            o.SessionStore = inner;
            o.Privacy.Scrubber = text => System.Text.RegularExpressions.Regex.Replace(text, @"\b(?:\d[ -]?){13,16}\b", "[card]");
        });

        var session = await client.Perplexity.Agent.GetOrStartSessionAsync("k");
        await session.SendAsync("My card is 4111 1111 1111 1111");

        Assert.Contains("4111 1111 1111 1111", emulator.Requests[0].Body, StringComparison.Ordinal);
        var stored = (await inner.GetAsync("k"))!.Transcript!;
        Assert.Equal("My card is [card]", stored[0].Text);
        Assert.DoesNotContain("4111", stored[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_deletes_an_aitronos_thread_and_the_record_and_says_what_perplexity_keeps()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var aitronos = await client.Sessions.GetOrStartAitronosAsync("ticket-1");
        await aitronos.SendAsync("hello");
        var thread = aitronos.ThreadId!;
        await (await client.Perplexity.Agent.GetOrStartSessionAsync("user-1")).SendAsync("hello");

        var forgotAitronos = await client.Sessions.ForgetAsync("ticket-1");
        var forgotAgent = await client.Sessions.ForgetAsync("user-1");
        var forgotNothing = await client.Sessions.ForgetAsync("never-seen");

        Assert.Equal(["Aitronos thread", "session record"], forgotAitronos.Erased);
        Assert.True(forgotAitronos.Complete);
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => client.Aitronos.Threads.GetAsync(thread));
        Assert.Null(await client.Sessions.Store.GetAsync("ticket-1"));
        Assert.Equal(["session record"], forgotAgent.Erased);
        Assert.Contains("no API to delete a stored response", Assert.Single(forgotAgent.NotErased), StringComparison.Ordinal);
        Assert.Null(await client.Sessions.Store.GetAsync("user-1"));
        Assert.Empty(forgotNothing.Erased);
        Assert.Empty(forgotNothing.NotErased);
    }

    [Fact]
    public async Task Forget_needs_only_the_records_ids_so_it_erases_a_record_this_key_ring_cannot_decrypt()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var inner = new InMemoryThreadSessionStore();
        string thread;
        using (var writer = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.Privacy.DataProtectionProvider) = (inner, new EphemeralDataProtectionProvider())))
        {
            var session = await writer.Sessions.GetOrStartAitronosAsync("ticket-9", new AitronosSessionOptions { KeepTranscript = true });
            await session.SendAsync("private words");
            thread = session.ThreadId!;
        }

        using var stranger = EmulatorPerplexityTests.Client(emulator, configure: o => (o.SessionStore, o.Privacy.DataProtectionProvider) = (inner, new EphemeralDataProtectionProvider()));
        var forgot = await stranger.Sessions.ForgetAsync("ticket-9");

        Assert.Equal(["Aitronos thread", "session record"], forgot.Erased);
        Assert.Null(await inner.GetAsync("ticket-9"));
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => stranger.Aitronos.Threads.GetAsync(thread));
    }

    [Fact]
    public async Task An_ichatclient_conversation_is_erased_by_its_conversation_id()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var store = (InMemoryThreadSessionStore)client.Sessions.Store;
        using var agent = client.Perplexity.Agent.AsIChatClient("perplexity/sonar");
        using var aitronos = client.Aitronos.AsIChatClient("gpt-4.1");

        var agentReply = await agent.GetResponseAsync("hello");
        var aitronosReply = await aitronos.GetResponseAsync("hello");
        Assert.Equal(2, store.Count);

        var forgotAgent = await agent.ForgetConversationAsync(agentReply.ConversationId!);
        var forgotAitronos = await aitronos.ForgetConversationAsync(aitronosReply.ConversationId!);

        Assert.Equal(0, store.Count);
        Assert.Contains("session record", forgotAgent.Erased);
        Assert.Equal(["Aitronos thread", "session record"], forgotAitronos.Erased);
        await Assert.ThrowsAsync<NotSupportedException>(() => new ScriptlessChatClient().ForgetConversationAsync("x"));
    }

    [Fact]
    public async Task A_conversation_with_every_log_level_and_a_span_listener_on_leaves_no_turn_text_in_logs_or_spans_unless_captured()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var logs = new FakeLogs();
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ThreadClient",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        const string secret = "my-secret-diagnosis-7f2";
        using (var client = EmulatorPerplexityTests.Client(emulator, configure: o => (o.LoggerFactory, o.Telemetry) = (logs, new ThreadClient.Diagnostics.TelemetryOptions { RecordConversationIds = true })))
        {
            var agent = await client.Perplexity.Agent.GetOrStartSessionAsync("u", new AgentSessionOptions { ReplayTurns = 1, Summarizer = new AgentConversationSummarizer(client.Perplexity.Agent) });
            await agent.SendAsync("first " + secret);
            await agent.StreamAsync("second " + secret).ToListAsync();
            var aitronos = client.Aitronos.StartSession(new AitronosSessionOptions { Fallback = ThreadFallbackPolicy.StartNewThreadAndReplay });
            await aitronos.SendAsync("third " + secret);
            Assert.True(emulator.ExpireAitronosThread(aitronos.ThreadId!));
            var replaced = await aitronos.SendAsync("fourth " + secret);
            Assert.True(replaced.ThreadReplaced);
        }

        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(secret, e.Message + e.Exception + string.Join(",", e.StructuredState ?? []), StringComparison.Ordinal));
        List<Activity> seen;
        lock (spans)
        {
            seen = [.. spans.Where(s => s.GetTagItem("server.port") is int port && port == emulator.BaseAddress.Port)];
        }

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.DoesNotContain(secret, string.Join(",", s.TagObjects.Select(t => t.Key + "=" + t.Value)), StringComparison.Ordinal));

        spans.Clear();
        using (var capturing = EmulatorPerplexityTests.Client(emulator, configure: o => o.Telemetry = new ThreadClient.Diagnostics.TelemetryOptions { CaptureMessageContent = true }))
        {
            await capturing.Perplexity.Agent.CreateResponseAsync(new AgentRequest { Instructions = "Be brief.", Input = "captured " + secret });
        }

        Activity span;
        lock (spans)
        {
            // The listener hears every test's spans: this one's are the ones to this emulator.
            span = Assert.Single(spans, s => s.GetTagItem("gen_ai.operation.name") is "chat" && s.GetTagItem("server.port") is int port && port == emulator.BaseAddress.Port);
        }

        Assert.Equal($$"""[{"role":"system","parts":[{"type":"text","content":"Be brief."}]},{"role":"user","parts":[{"type":"text","content":"captured {{secret}}"}]}]""", span.GetTagItem("gen_ai.input.messages"));
        Assert.Contains(secret, (string)span.GetTagItem("gen_ai.output.messages")!, StringComparison.Ordinal);
    }

    private sealed class RecordingCache : IDistributedCache
    {
        public Dictionary<string, List<DistributedCacheEntryOptions>> Options { get; } = [];

        public List<string> Removed { get; } = [];

        public byte[]? Get(string key) => null;

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult<byte[]?>(null);

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => Removed.Add(key["threadclient:session:".Length..]);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            var name = key["threadclient:session:".Length..];
            if (!Options.TryGetValue(name, out var list))
            {
                Options[name] = list = [];
            }

            list.Add(options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }
    }

    private sealed class ScriptlessChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
