using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ThreadClient.DependencyInjection;
using ThreadClient.Extensions.AI;
using ThreadClient.Perplexity;
using ThreadClient.Testing;
using ThreadClient.Tests.Infrastructure;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;
using AiMessage = Microsoft.Extensions.AI.ChatMessage;

namespace ThreadClient.Tests.ExtensionsAI;

/// <summary>ThreadClient as a Microsoft.Extensions.AI <see cref="IChatClient"/>, against the emulator.</summary>
public sealed class ChatClientTests
{
    private static JsonElement Body(EmulatorRequest request) => JsonDocument.Parse(request.Body).RootElement.Clone();

    [Fact]
    public async Task ConversationId_is_the_thread_in_both_directions_and_only_new_messages_are_sent()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();

        var first = await chat.GetResponseAsync([new AiMessage(ChatRole.System, "Be brief."), new AiMessage(ChatRole.User, "Which film won in 1996?")]);
        var second = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "Who directed it?")], new ChatOptions { ConversationId = first.ConversationId });

        Assert.True(Guid.TryParse(first.ConversationId, out _));
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(["Which film won in 1996?"], EmulatorReplies.EarlierTurns(second.Text));
        var sent = emulator.Requests.Select(Body).ToArray();
        Assert.False(sent[0].TryGetProperty("thread_id", out _));
        Assert.Equal(first.ConversationId, sent[1].GetProperty("thread_id").GetString());
        Assert.Equal(1, sent[1].GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Usage_citations_search_results_and_the_raw_reply_survive()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);

        var response = await client.Perplexity.AsIChatClient().GetResponseAsync("hello there");

        Assert.Equal(2, response.Usage!.InputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        var citation = Assert.IsType<CitationAnnotation>(Assert.Single(response.Messages[0].Contents[0].Annotations!));
        Assert.Equal(("https://emulator.local/source/1", "Emulator source"), (citation.Url!.ToString(), citation.Title));
        Assert.Single((IList<SearchResult>)response.AdditionalProperties![ThreadsChatProperties.SearchResults]!);
        Assert.IsType<ChatCompletion>(response.RawRepresentation);
        Assert.Equal("stop", response.FinishReason?.Value);
    }

    [Fact]
    public async Task Streaming_updates_carry_the_thread_id_and_end_with_usage()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { StreamPieceLength = 5 });
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();
        var first = await chat.GetResponseAsync("one");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("two", new ChatOptions { ConversationId = first.ConversationId }))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3);
        Assert.All(updates, u => Assert.Equal(first.ConversationId, u.ConversationId));
        Assert.Equal(EmulatorReplies.Reply("two", ["one"]), string.Concat(updates.Select(u => u.Text)));
        Assert.Contains(updates[^1].Contents, c => c is UsageContent);
        Assert.Equal(first.ConversationId, updates.ToChatResponse().ConversationId);
    }

    [Fact]
    public async Task A_gone_thread_comes_back_as_a_new_conversation_id_with_the_old_one_reported()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();
        var first = await chat.GetResponseAsync("one");
        emulator.ExpirePerplexityThread(first.ConversationId!);

        var second = await chat.GetResponseAsync("two", new ChatOptions { ConversationId = first.ConversationId });

        Assert.NotEqual(first.ConversationId, second.ConversationId);
        Assert.Equal(first.ConversationId, second.AdditionalProperties![ThreadsChatProperties.ReplacedConversationId]);
        Assert.Equal("ThreadNotFound", second.AdditionalProperties[ThreadsChatProperties.ReplacementReason]);
    }

    [Fact]
    public async Task Stateless_calls_never_report_a_conversation_id()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var stateless = new ChatOptions { AdditionalProperties = new() { [ThreadsChatProperties.Stateless] = true } };

        var otherModel = await client.Perplexity.AsIChatClient("sonar").GetResponseAsync("hi");
        var optedOut = await client.Aitronos.AsIChatClient().GetResponseAsync("hi", stateless);
        var streamed = await client.Perplexity.AsIChatClient("sonar").GetStreamingResponseAsync("hi").ToChatResponseAsync();

        Assert.Null(otherModel.ConversationId);
        Assert.Null(optedOut.ConversationId);
        Assert.Null(streamed.ConversationId);
        Assert.False(Body(emulator.Requests[0]).TryGetProperty("use_threads", out _));
        Assert.False(Body(emulator.Requests[1]).TryGetProperty("thread", out _));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Perplexity.AsIChatClient("sonar").GetResponseAsync("hi", new ChatOptions { ConversationId = Guid.NewGuid().ToString() }));
    }

    [Fact]
    public async Task Aitronos_conversations_are_named_threads()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Aitronos.AsIChatClient(sessionOptions: new ThreadClient.Aitronos.AitronosSessionOptions { ThreadIdFactory = () => "chat_thread_1" });

        var first = await chat.GetResponseAsync("Hello");
        var second = await chat.GetStreamingResponseAsync("More", new ChatOptions { ConversationId = first.ConversationId }).ToChatResponseAsync();

        Assert.Equal(("chat_thread_1", "chat_thread_1"), (first.ConversationId, second.ConversationId));
        Assert.Equal(["Hello"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Equal(4, (await client.Aitronos.Threads.GetAsync("chat_thread_1")).MessageCount);
    }

    [Fact]
    public async Task Every_streamed_update_of_a_new_aitronos_conversation_carries_its_client_named_thread()
    {
        // Only response.completed names the thread, as the service may send it.
        var stream = "event: response.created\ndata: {\"response_id\":\"r1\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"Hel\"}\n\n"
            + "event: response.content_delta\ndata: {\"delta\":\"lo\"}\n\n"
            + "event: response.completed\ndata: {\"response\":{\"id\":\"r1\",\"thread_id\":\"chat_thread_2\",\"output_text\":\"Hello\"}}\n\n";
        using var client = RecordingHandler.CreateClient(new RecordingHandler(RecordingHandler.EventStream(stream)));
        var chat = client.Aitronos.AsIChatClient(sessionOptions: new ThreadClient.Aitronos.AitronosSessionOptions { ThreadIdFactory = () => "chat_thread_2" });

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Hello there"))
        {
            updates.Add(update);
        }

        Assert.Equal(5, updates.Count);
        Assert.All(updates, u => Assert.Equal("chat_thread_2", u.ConversationId));
    }

    [Fact]
    public async Task After_a_fallback_before_the_first_chunk_no_streamed_update_carries_the_gone_thread()
    {
        var gone = Sessions.SessionReplies.ThreadA;
        var replacement = Sessions.SessionReplies.ThreadB;
        var handler = new RecordingHandler(
            Sessions.SessionReplies.PerplexityThreadNotFound(),
            RecordingHandler.EventStream(Perplexity.PerplexityStreams.FullMode(["Breaking", " the", " Waves"], threadId: replacement)));
        using var client = RecordingHandler.CreateClient(handler);
        var chat = client.Perplexity.AsIChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("two", new ChatOptions { ConversationId = gone }))
        {
            updates.Add(update);
        }

        // The first chunk of the new thread does not name it yet (its id comes from the second): null, never the gone thread.
        Assert.Null(updates[0].ConversationId);
        Assert.All(updates.Skip(1), u => Assert.Equal(replacement, u.ConversationId));
        Assert.Equal(gone, updates[^1].AdditionalProperties![ThreadsChatProperties.ReplacedConversationId]);
    }

    [Fact]
    public async Task A_caller_passing_the_whole_history_each_call_sends_only_the_new_messages_to_the_thread()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();
        var history = new List<AiMessage> { new(ChatRole.System, "Be brief."), new(ChatRole.User, "Which film won in 1996?") };

        var first = await chat.GetResponseAsync(history);
        history.AddRange(first.Messages);
        history.Add(new AiMessage(ChatRole.User, "Who directed it?"));
        var second = await chat.GetResponseAsync(history, new ChatOptions { ConversationId = first.ConversationId });
        history.AddRange(second.Messages);
        history.Add(new AiMessage(ChatRole.User, "When was it released?"));
        var third = await chat.GetResponseAsync(history, new ChatOptions { ConversationId = second.ConversationId });

        var sent = emulator.Requests.Select(Body).ToArray();
        Assert.Equal(["Who directed it?"], sent[1].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["When was it released?"], sent[2].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["Which film won in 1996?", "Who directed it?"], EmulatorReplies.EarlierTurns(third.Text));
    }

    [Fact]
    public async Task A_caller_passing_the_whole_history_to_an_aitronos_thread_sends_only_the_new_messages()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Aitronos.AsIChatClient(sessionOptions: new ThreadClient.Aitronos.AitronosSessionOptions { ThreadIdFactory = () => "chat_thread_3" });
        var history = new List<AiMessage> { new(ChatRole.User, "Hello") };

        var first = await chat.GetResponseAsync(history);
        history.AddRange(first.Messages);
        history.Add(new AiMessage(ChatRole.User, "More"));
        var second = await chat.GetResponseAsync(history, new ChatOptions { ConversationId = first.ConversationId });

        Assert.Equal(1, Body(emulator.Requests[1]).GetProperty("inputs").GetArrayLength());
        Assert.Equal(["Hello"], EmulatorReplies.EarlierTurns(second.Text));
        Assert.Equal(4, (await client.Aitronos.Threads.GetAsync("chat_thread_3")).MessageCount);
    }

    [Fact]
    public async Task Replay_after_a_gone_thread_works_through_the_adapter_because_its_state_is_kept_between_calls()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient(sessionOptions: new PerplexitySessionOptions { Fallback = ThreadClient.Sessions.ThreadFallbackPolicy.StartNewThreadAndReplay, ReplayTurns = 5 });

        var first = await chat.GetResponseAsync("one");
        var second = await chat.GetResponseAsync("two", new ChatOptions { ConversationId = first.ConversationId });
        emulator.ExpirePerplexityThread(second.ConversationId!);
        var third = await chat.GetResponseAsync("three", new ChatOptions { ConversationId = second.ConversationId });

        Assert.NotEqual(second.ConversationId, third.ConversationId);
        Assert.Equal(["one", "two"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Equal("ThreadNotFound", third.AdditionalProperties![ThreadsChatProperties.ReplacementReason]);
        var fourth = await chat.GetResponseAsync("four", new ChatOptions { ConversationId = third.ConversationId });
        Assert.Equal(["one", "two", "three"], EmulatorReplies.EarlierTurns(fourth.Text));
    }

    [Fact]
    public async Task Conversation_state_is_kept_under_a_hash_never_under_the_thread_id()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var store = new ThreadClient.Sessions.InMemoryThreadSessionStore();
        using var client = new ThreadsClient(new ThreadsClientOptions
        {
            SessionStore = store,
            Perplexity = { ApiKey = TestKeys.Perplexity, BaseAddress = emulator.BaseAddress },
        });

        var first = await client.Perplexity.AsIChatClient().GetResponseAsync("one");

        Assert.Equal(1, store.Count);
        Assert.Null(await store.GetAsync(first.ConversationId!));
    }

    [Fact]
    public void No_extension_class_clashes_with_microsoft_extensions_ai_and_no_global_program_clashes_with_an_apps()
    {
        var ours = new[] { typeof(ThreadsChatClientExtensions).Assembly, typeof(ThreadsEmulator).Assembly, typeof(ThreadsClient).Assembly }.SelectMany(a => a.GetExportedTypes()).ToArray();
        var theirs = typeof(IChatClient).Assembly.GetExportedTypes().Select(t => t.Name).ToHashSet();

        // Extension classes are where both get imported together (CS0104 on a static call); models keep their wire names.
        Assert.DoesNotContain(ours, t => t.Namespace is null);
        Assert.DoesNotContain(ours, t => t.IsAbstract && t.IsSealed && theirs.Contains(t.Name));
    }

    [Fact]
    public void GetService_returns_metadata_and_the_underlying_client()
    {
        using var client = new ThreadsClient(new ThreadsClientOptions { Perplexity = { ApiKey = "k" } });
        var chat = client.Perplexity.AsIChatClient();

        var metadata = chat.GetService<ChatClientMetadata>()!;

        Assert.Equal(("perplexity", "https://api.perplexity.ai/", "sonar-pro"), (metadata.ProviderName, metadata.ProviderUri!.ToString(), metadata.DefaultModelId));
        Assert.Same(client.Perplexity, chat.GetService<PerplexityClient>());
        Assert.Same(chat, chat.GetService<IChatClient>());
        Assert.Null(chat.GetService<ChatClientMetadata>("some key"));
    }

    [Fact]
    public async Task The_di_helper_registers_a_chat_client_that_composes_with_middleware()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddThreadsClient(o =>
        {
            o.Perplexity.ApiKey = TestKeys.Perplexity;
            o.Perplexity.BaseAddress = emulator.BaseAddress;
        });
        var seen = new List<string?>();
        services.AddThreadsChatClient(ThreadsChatProvider.Perplexity, pipeline: (inner, _) => new RecordingChatClient(inner, seen));
        await using var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatClient>();

        var first = await chat.GetResponseAsync("one");
        var second = await chat.GetResponseAsync("two", new ChatOptions { ConversationId = first.ConversationId });

        Assert.Equal([null, first.ConversationId], seen);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.NotNull(chat.GetService<ChatClientMetadata>());
    }

    /// <summary>Middleware as ChatClientBuilder would add it (Microsoft.Extensions.AI's UseLogging is not installable here).</summary>
    private sealed class RecordingChatClient(IChatClient inner, List<string?> seen) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<AiMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            seen.Add(options?.ConversationId);
            return base.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}
