using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using ThreadClient.Extensions.AI;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;
using ThreadClient.Tests.Emulator;

namespace ThreadClient.Tests.ExtensionsAI;

/// <summary>The summarisers a session compacts with: any IChatClient, Microsoft.Extensions.AI's IChatReducer (its SummarizingChatReducer), and the Agent API itself.</summary>
public sealed class SummarizerTests
{
    private static readonly ConversationSummaryRequest Leaving = new("The user is Ada.", [new("user", "I like tea."), new(TranscriptMessage.AssistantRole, "Noted: tea.")]);

    [Fact]
    public async Task A_chat_client_summariser_sends_the_instructions_the_summary_so_far_and_the_turns_and_returns_its_answer_and_usage()
    {
        var chat = new ScriptedChatClient("Ada likes tea.", new UsageDetails { InputTokenCount = 40, OutputTokenCount = 5 });

        var summary = await new ChatClientSummarizer(chat, new ChatOptions { ModelId = "cheap" }).SummarizeAsync(Leaving, CancellationToken.None);

        Assert.Equal(new ConversationSummary("Ada likes tea.", new TurnUsage(40, 5)), summary);
        var (messages, options) = Assert.Single(chat.Calls);
        Assert.Equal((ChatRole.System, ConversationSummaryRequest.Instructions), (messages[0].Role, messages[0].Text));
        Assert.Equal("Summary so far:\nThe user is Ada.\n\nConversation to add to the summary:\nuser: I like tea.\nassistant: Noted: tea.\n", messages[1].Text);
        Assert.Equal("cheap", options!.ModelId);
    }

    [Fact]
    public async Task A_chat_client_that_answers_nothing_is_a_failed_summary_not_an_empty_one()
    {
        var summarizer = new ChatClientSummarizer(new ScriptedChatClient("", null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => summarizer.SummarizeAsync(Leaving, CancellationToken.None));
    }

    [Fact]
    public async Task The_summarizing_chat_reducer_of_microsoft_extensions_ai_compacts_through_the_adapter()
    {
        var chat = new ScriptedChatClient("Ada, who likes tea.", null);
#pragma warning disable MEAI001 // Microsoft ships the summarising reducer as an evaluation API; the adapter takes any IChatReducer.
        var reducer = new SummarizingChatReducer(chat, targetCount: 1, threshold: 0);
#pragma warning restore MEAI001

        var summary = await new ChatReducerSummarizer(reducer).SummarizeAsync(Leaving, CancellationToken.None);

        Assert.Contains("Ada, who likes tea.", summary.Text, StringComparison.Ordinal);
        Assert.Single(chat.Calls);
    }

    [Fact]
    public async Task The_agent_api_summariser_asks_a_cheap_preset_without_tools_and_a_session_compacts_with_it()
    {
        await using var emulator = await ThreadsEmulator.StartAsync();
        using var client = EmulatorPerplexityTests.Client(emulator);
        var session = client.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 2, Summarizer = new AgentConversationSummarizer(client.Perplexity.Agent) });

        await session.SendAsync("one");
        await session.SendAsync("two");
        var third = await session.SendAsync("three");

        var summaryRequest = JsonNode.Parse(emulator.Requests[3].Body)!;
        Assert.Equal(("fast", 0, ConversationSummaryRequest.Instructions), (summaryRequest["preset"]!.GetValue<string>(), summaryRequest["max_tool_calls"]!.GetValue<int>(), summaryRequest["instructions"]!.GetValue<string>()));
        Assert.StartsWith("Conversation to add to the summary:\nuser: one\n", summaryRequest["input"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(third.Compaction!.Succeeded);
        Assert.True(third.Compaction.Usage!.InputTokens > 0);
        Assert.StartsWith("Echo: Conversation to add to the summary:", session.Record.Summary, StringComparison.Ordinal);
        Assert.Equal(1, session.Usage.Compactions);
    }

    private sealed class ScriptedChatClient(string answer, UsageDetails? usage) : IChatClient
    {
        public List<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add(([.. messages], options));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)) { Usage = usage });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
