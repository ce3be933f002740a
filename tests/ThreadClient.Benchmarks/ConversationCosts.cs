using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ThreadClient.Perplexity;
using ThreadClient.Perplexity.Agent;
using ThreadClient.Sessions;
using ThreadClient.Testing;

namespace ThreadClient.Benchmarks;

/// <summary>
/// What whole conversations cost on the emulator, which bills the Agent API with a prompt cache per
/// <c>prompt_cache_key</c> (4 characters a token; cache reads at a tenth of the input price): request bytes,
/// input tokens, the share billed as cache reads, the share of each request's input that is the previous
/// request's unchanged, and the cost, for a seed-style thread, replay as it shipped before issue 25 (a
/// 10-turn window sliding a turn at a time, no key), replay with today's defaults, replay with compaction,
/// and previous-response chaining. Counts, not times: run with <c>--conversation-costs</c>.
/// </summary>
internal static class ConversationCosts
{
    public const string Flag = "--conversation-costs";

    private sealed record Scenario(string Name, Func<ThreadsClient, Func<string, Task<TurnUsage?>>> Start);

    private sealed record Row(string Scenario, int Turns, string Answers, long RequestBytes, long InputTokens, double CacheReadShare, double UnchangedPrefix, decimal Cost);

    public static async Task RunAsync()
    {
        var scenarios = new Scenario[]
        {
            new("(a) thread (chat completions, thread_id)", c => { var s = c.Perplexity.StartSession(); return async t => Of(await s.SendAsync(t)); }),
            new("(b) replay before: 10 turns sliding, no key", c => { var s = c.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 10, ReplayLowWaterMark = 1, PromptCacheKeys = PromptCacheKeyPolicy.Off }); return async t => Of(await s.SendAsync(t)); }),
            new("(b) replay: 10 falling back to 5, one key", c => { var s = c.Perplexity.Agent.StartSession(new AgentSessionOptions { ReplayTurns = 10 }); return async t => Of(await s.SendAsync(t)); }),
            new("(b) replay now: defaults (20 falling back to 10, one key)", c => { var s = c.Perplexity.Agent.StartSession(); return async t => Of(await s.SendAsync(t)); }),
            new("(c) replay now + compaction (Agent API summariser, 60-token summaries)", c =>
            {
                var summarizer = new AgentConversationSummarizer(c.Perplexity.Agent, configure: r => r.MaxOutputTokens = 60);
                var s = c.Perplexity.Agent.StartSession(new AgentSessionOptions { Summarizer = summarizer });
                return async t => Of(await s.SendAsync(t));
            }),
            new("(d) previous-response chaining", c => { var s = c.Perplexity.Agent.StartSession(new AgentSessionOptions { ContextMode = AgentContextMode.PreviousResponse }); return async t => Of(await s.SendAsync(t)); }),
        };
        var rows = new List<Row>();
        foreach (var turns in new[] { 40, 200 })
        {
            foreach (var (answers, question) in new[] { ("short", "What about topic {0}?"), ("long", "Tell me everything about topic {0}: " + new string('x', 600)) })
            {
                foreach (var scenario in scenarios)
                {
                    rows.Add(await RunAsync(scenario, turns, answers, question).ConfigureAwait(false));
                }
            }
        }

        Console.WriteLine(Table(rows));
    }

    private static async Task<Row> RunAsync(Scenario scenario, int turns, string answers, string question)
    {
        await using var emulator = await ThreadsEmulator.StartAsync().ConfigureAwait(false);
        using var client = new ThreadsClient(new ThreadsClientOptions
        {
            Perplexity = { ApiKey = "benchmark", BaseAddress = emulator.BaseAddress },
        });
        var send = scenario.Start(client);
        var usage = new List<TurnUsage>();
        for (var n = 1; n <= turns; n++)
        {
            usage.Add(await send(string.Format(CultureInfo.InvariantCulture, question, n)).ConfigureAwait(false) ?? new TurnUsage(0, 0));
        }

        // Turns 2 and later (a compaction's own request is counted in the turn that made it); the prefix figures
        // compare the conversation's requests only.
        var requests = emulator.Requests.Where(r => r.Method == "POST").ToList();
        var conversation = requests.Where(r => !r.Body.Contains(ConversationSummaryRequest.Instructions[..40], StringComparison.Ordinal)).ToList();
        var later = usage.Skip(1).ToList();
        var prompts = conversation.Select(r => Prompt(JsonNode.Parse(r.Body)!)).ToList();
        long unchanged = 0, total = 0;
        for (var i = 1; i < prompts.Count; i++)
        {
            unchanged += CommonPrefix(prompts[i - 1], prompts[i]);
            total += prompts[i].Length;
        }

        return new Row(
            scenario.Name,
            turns,
            answers,
            requests.Skip(1).Sum(r => (long)Encoding.UTF8.GetByteCount(r.Body)),
            later.Sum(u => u.InputTokens ?? 0),
            later.Sum(u => u.InputTokens ?? 0) == 0 ? 0 : (double)later.Sum(u => u.CacheReadInputTokens ?? 0) / later.Sum(u => u.InputTokens ?? 0),
            total == 0 ? 0 : (double)unchanged / total,
            usage.Sum(u => u.Cost ?? 0));
    }

    /// <summary>A turn's usage with its compaction's, when it made one.</summary>
    private static TurnUsage? Of<TReply>(SessionReply<TReply> reply) =>
        reply.Usage is { } turn ? turn.Plus(reply.Compaction?.Usage) : reply.Compaction?.Usage;

    private static string Prompt(JsonNode body) =>
        body["messages"] is { } messages
            ? messages.ToJsonString()
            : (body["instructions"]?.GetValue<string>() ?? "") + "\n" + body["input"]!.ToJsonString();

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static string Table(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Conversation | Turns | Answers | Request bytes, turns 2+ | Input tokens, turns 2+ | Billed as cache reads | Input unchanged from the previous request | Cost (USD) |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.Turns} | {row.Answers} | {row.RequestBytes:N0} | {row.InputTokens:N0} | {row.CacheReadShare:P0} | {row.UnchangedPrefix:P0} | {row.Cost:0.0000} |"));
        }

        return text.ToString();
    }
}
