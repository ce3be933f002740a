using System.Text.Json;
using Microsoft.Extensions.AI;
using ThreadClient.Extensions.AI;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using static ThreadClient.Tests.Emulator.EmulatorPerplexityTests;
using AiMessage = Microsoft.Extensions.AI.ChatMessage;

namespace ThreadClient.Tests.ExtensionsAI;

/// <summary>The IChatClient adapter over the Agent API, and over Perplexity when chat completions are retired, against the emulator.</summary>
public sealed class AgentChatClientTests
{
    [Fact]
    public async Task ConversationId_is_a_stable_key_whose_transcript_the_adapter_replays()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.Agent.AsIChatClient("perplexity/sonar");

        var first = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "Which film won in 1996?")]);
        var second = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "Who directed it?")], new ChatOptions { ConversationId = first.ConversationId });
        var third = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "And later?")], new ChatOptions { ConversationId = second.ConversationId });

        Assert.StartsWith("conv_", first.ConversationId, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(first.ConversationId, third.ConversationId);
        Assert.Equal(["Which film won in 1996?", "Who directed it?"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Equal("perplexity/sonar", JsonDocument.Parse(emulator.Requests[^1].Body).RootElement.GetProperty("model").GetString());
        Assert.NotNull(await client.Perplexity.Agent.SessionStore.GetAsync(first.ConversationId!));
        Assert.Equal(new Uri("https://emulator.local/source/1"), Assert.IsType<CitationAnnotation>(Assert.Single(((TextContent)third.Messages[0].Contents[0]).Annotations!)).Url);
        Assert.True(third.Usage!.TotalTokenCount > 0);
        Assert.IsType<AgentResponse>(third.RawRepresentation);
    }

    [Fact]
    public async Task Every_streamed_update_carries_the_conversation_key_from_the_first()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.Agent.AsIChatClient();
        var first = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "one")]);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync([new AiMessage(ChatRole.User, "two")], new ChatOptions { ConversationId = first.ConversationId }))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3);
        Assert.All(updates, u => Assert.Equal(first.ConversationId, u.ConversationId));
        var text = string.Concat(updates.Select(u => u.Text));
        Assert.Equal("two", EmulatorReplies.Echoed(text));
        Assert.Equal(["one"], EmulatorReplies.EarlierTurns(text));
        Assert.Contains(updates[^1].Contents, c => c is UsageContent);
    }

    [Fact]
    public async Task A_key_the_store_does_not_hold_starts_a_new_conversation_and_says_so()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.Agent.AsIChatClient();

        var reply = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "hello")], new ChatOptions { ConversationId = "conv_forgotten" });

        Assert.NotEqual("conv_forgotten", reply.ConversationId);
        Assert.Equal("conv_forgotten", reply.AdditionalProperties![ThreadsChatProperties.ReplacedConversationId]);
        Assert.Equal(nameof(ThreadReplacementReason.ThreadNotFound), reply.AdditionalProperties[ThreadsChatProperties.ReplacementReason]);
    }

    [Fact]
    public async Task A_stateless_call_sends_only_the_given_messages_and_returns_no_conversation()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.Agent.AsIChatClient();

        var reply = await chat.GetResponseAsync(
            [new AiMessage(ChatRole.User, "a"), new AiMessage(ChatRole.Assistant, "b"), new AiMessage(ChatRole.User, "c")],
            new ChatOptions { AdditionalProperties = new() { [ThreadsChatProperties.Stateless] = true } });

        Assert.Null(reply.ConversationId);
        Assert.Equal(["a"], EmulatorReplies.EarlierTurns(reply.Text));
    }

    [Fact]
    public async Task The_perplexity_adapter_keeps_a_conversation_going_when_chat_completions_are_retired()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();
        var first = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "Which film won in 1996?")]);

        emulator.PerplexityChatCompletionsRetired = true;
        var second = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "Who directed it?")], new ChatOptions { ConversationId = first.ConversationId });
        var third = await chat.GetResponseAsync([new AiMessage(ChatRole.User, "And later?")], new ChatOptions { ConversationId = second.ConversationId });

        Assert.True(Guid.TryParse(first.ConversationId, out _));
        Assert.StartsWith("conv_", second.ConversationId, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, second.AdditionalProperties![ThreadsChatProperties.ReplacedConversationId]);
        Assert.Equal(nameof(ThreadReplacementReason.EndpointRetired), second.AdditionalProperties[ThreadsChatProperties.ReplacementReason]);
        Assert.Equal(second.ConversationId, third.ConversationId);
        Assert.Equal(["Who directed it?"], EmulatorReplies.EarlierTurns(third.Text));
        Assert.Equal(["POST /chat/completions", "POST /chat/completions", "POST /v1/responses", "POST /v1/responses"], emulator.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_thread_id_passed_after_the_retirement_is_reported_as_replaced()
    {
        await using var emulator = await ThreadsEmulator.StartAsync(new EmulatorOptions { PerplexityChatCompletionsRetired = true });
        using var client = Client(emulator);
        var chat = client.Perplexity.AsIChatClient();
        await client.Perplexity.StartSession().SendAsync("teach the client");

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync([new AiMessage(ChatRole.User, "hi")], new ChatOptions { ConversationId = "3947452d-7cc0-48b3-afe7-d053c1083b78" }))
        {
            updates.Add(update);
        }

        Assert.StartsWith("conv_", updates[0].ConversationId, StringComparison.Ordinal);
        Assert.Equal(nameof(ThreadReplacementReason.EndpointRetired), updates[^1].AdditionalProperties![ThreadsChatProperties.ReplacementReason]);
    }
}
