using System.Runtime.CompilerServices;
using ThreadClient.Perplexity.Agent;

namespace ThreadClient.Perplexity;

/// <summary>
/// How a chat completion session's turn goes on the Agent API once chat completions are retired: the
/// request translated (model or preset, messages as input items, the fields that have an Agent API
/// counterpart), and the response or stream translated back, so that the caller's code sees the
/// same <see cref="ChatCompletion"/> and <see cref="ChatCompletionChunk"/> types as before.
/// </summary>
internal static class ChatCompletionsOnAgent
{
    public static AgentRequest ToAgentRequest(ChatCompletionRequest request, IList<ChatMessage> messages, PerplexityOptions options)
    {
        var agent = new AgentRequest { Input = new AgentInput(messages.Select(ToInput)) };
        var target = Target(request.Model, options);
        if (target.Contains('/', StringComparison.Ordinal))
        {
            agent.Model = target;
        }
        else
        {
            agent.Preset = target;
        }

        agent.MaxOutputTokens = request.MaxTokens;
        agent.Reasoning = request.ReasoningEffort is { } effort ? new AgentReasoning { Effort = effort } : null;
        if (request.ResponseFormat is { Type: "json_schema", JsonSchema: { Schema: { } schema } format })
        {
            agent.ResponseFormat = new AgentResponseFormat { JsonSchema = new AgentJsonSchema { Name = format.Name ?? "response", Schema = schema, Strict = format.Strict } };
        }

        if (WebSearch(request) is { } search)
        {
            agent.Tools = [search];
        }

        return agent;
    }

    /// <summary>The Agent API model (with a <c>/</c>) or preset for a Sonar model name; a preset name, old or new, stays a preset by its current name.</summary>
    public static string Target(string model, PerplexityOptions options) =>
        options.SonarModelMap is { } map && map.TryGetValue(model, out var target) && !string.IsNullOrWhiteSpace(target) ? target
        : model.Contains('/', StringComparison.Ordinal) ? model
        : AgentPresets.CurrentName(model) ?? "perplexity/" + model;

    public static ChatCompletion ToChatCompletion(AgentResponse response)
    {
        var completion = new ChatCompletion { AgentResponse = response };
        Describe(completion, response);
        completion.Choices.Add(new ChatChoice { Index = 0, Message = ChatMessage.Assistant(response.OutputText), FinishReason = FinishReason(response) });
        return completion;
    }

    /// <summary>One chunk per text delta as it arrives, then one with what the deltas missed and the response's metadata.</summary>
    public static async IAsyncEnumerable<ChatCompletionChunk> ToChunksAsync(IAsyncEnumerable<AgentStreamEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fold = new AgentResponseBuilder();
        var sent = 0;
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            fold.Append(item);
            if (item.Kind == AgentStreamEventKind.OutputTextDelta && !string.IsNullOrEmpty(item.Delta))
            {
                sent += item.Delta.Length;
                var chunk = new ChatCompletionChunk { Id = fold.ResponseId, ObjectType = "chat.completion.chunk" };
                chunk.Choices.Add(new ChatChoice { Index = 0, Delta = ChatMessage.Assistant(item.Delta) });
                yield return chunk;
            }
        }

        var response = fold.Build();
        var last = new ChatCompletionChunk { ObjectType = "chat.completion.chunk", AgentResponse = response };
        Describe(last, response);
        var text = response.OutputText;
        var missed = text.Length > sent ? text[sent..] : null;
        last.Choices.Add(new ChatChoice { Index = 0, Delta = missed is null ? null : ChatMessage.Assistant(missed), FinishReason = FinishReason(response) });
        yield return last;
    }

    private static void Describe(ChatCompletionBase target, AgentResponse response)
    {
        target.Id = response.Id;
        target.Created = response.CreatedAtUnix;
        target.Model = response.Model;
        target.Citations = [.. response.Sources.Select(static s => s.Url)];
        target.SearchResults = [.. response.SearchResults.Select(static r => new SearchResult { Title = r.Title, Url = r.Url, Date = r.Date, LastUpdated = r.LastUpdated, Snippet = r.Snippet })];
        if (response.Usage is { } usage)
        {
            target.Usage = new ChatUsage
            {
                PromptTokens = (int)(usage.InputTokens ?? 0),
                CompletionTokens = (int)(usage.OutputTokens ?? 0),
                TotalTokens = (int)(usage.TotalTokens ?? (usage.InputTokens ?? 0) + (usage.OutputTokens ?? 0)),
                Cost = usage.Cost is { } cost ? new UsageCost { InputTokensCost = cost.InputCost, OutputTokensCost = cost.OutputCost, TotalCost = cost.TotalCost } : null,
            };
        }
    }

    /// <summary>Chat completions' finish reason for a response: <c>stop</c>, <c>length</c> for one cut off at its token limit, else the status.</summary>
    private static string? FinishReason(AgentResponse response) => response.Status switch
    {
        null or AgentResponseStatus.Completed => "stop",
        AgentResponseStatus.Incomplete when response.IncompleteDetails?.Reason is null or AgentIncompleteDetails.MaxOutputTokens => "length",
        var status => status,
    };

    private static AgentInputItem ToInput(ChatMessage message)
    {
        var role = AgentRole.IsKnown(message.Role) ? message.Role : AgentRole.User;
        if (message.Content?.Parts is { } parts && parts.Any(static p => p.ImageUrl is not null))
        {
            return new AgentInputMessage(role, parts.Select(static p => p.ImageUrl is { } image ? AgentContentPart.InputImage(image.Url) : AgentContentPart.InputText(p.Text ?? "")));
        }

        return new AgentInputMessage(role, message.Content?.Text ?? "");
    }

    /// <summary>The Sonar search filters, which were top-level fields, as a <c>web_search</c> tool; null when none is set.</summary>
    private static WebSearchTool? WebSearch(ChatCompletionRequest request)
    {
        var hasFilters = request.SearchDomainFilter is not null || request.SearchRecencyFilter is not null
            || request.SearchAfterDateFilter is not null || request.SearchBeforeDateFilter is not null;
        var options = request.WebSearchOptions;
        if (!hasFilters && options?.SearchContextSize is null && options?.UserLocation is null)
        {
            return null;
        }

        return new WebSearchTool
        {
            Filters = hasFilters
                ? new WebSearchFilters
                {
                    SearchDomainFilter = request.SearchDomainFilter,
                    SearchRecencyFilter = request.SearchRecencyFilter,
                    SearchAfterDateFilter = request.SearchAfterDateFilter,
                    SearchBeforeDateFilter = request.SearchBeforeDateFilter,
                }
                : null,
            SearchContextSize = options?.SearchContextSize,
            UserLocation = options?.UserLocation is { } location
                ? new WebSearchUserLocation { City = location.City, Region = location.Region, Country = location.Country, Latitude = location.Latitude, Longitude = location.Longitude }
                : null,
        };
    }
}
