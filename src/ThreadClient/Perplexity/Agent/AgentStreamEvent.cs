using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// One event of a streamed Agent API response. Every event has a <see cref="Type"/>,
/// its <see cref="Kind"/> and its <see cref="SequenceNumber"/>; the other fields are set for the kinds
/// that carry them. Events of a type this SDK does not know are yielded with
/// <see cref="AgentStreamEventKind.Unknown"/> and their fields in <see cref="AdditionalProperties"/>.
/// <c>response.failed</c> and error frames are not yielded: they raise <see cref="ThreadsStreamException"/>.
/// </summary>
public sealed class AgentStreamEvent
{
    private string _type = "";

    /// <summary>The event type as sent, for example <c>response.output_text.delta</c>.</summary>
    [JsonPropertyName("type")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string Type
    {
        get => _type;
        set
        {
            _type = value ?? "";
            Kind = KindOf(_type);
        }
    }

    /// <summary>What the event means.</summary>
    [JsonIgnore]
    public AgentStreamEventKind Kind { get; private set; }

    /// <summary>The event's position in the stream.</summary>
    [JsonPropertyName("sequence_number")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? SequenceNumber { get; set; }

    /// <summary>The response, for <c>response.created</c>, <c>.in_progress</c> and <c>.completed</c>.</summary>
    [JsonPropertyName("response")]
    public AgentResponse? Response { get; set; }

    /// <summary>The output item, for <c>response.output_item.added</c> and <c>.done</c>.</summary>
    [JsonPropertyName("item")]
    public AgentOutputItem? Item { get; set; }

    /// <summary>Which output item the event is about.</summary>
    [JsonPropertyName("output_index")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? OutputIndex { get; set; }

    /// <summary>Which content part of the item the event is about.</summary>
    [JsonPropertyName("content_index")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ContentIndex { get; set; }

    /// <summary>The id of the item the text belongs to.</summary>
    [JsonPropertyName("item_id")]
    [JsonConverter(typeof(KnownStringConverter))]
    public string? ItemId { get; set; }

    /// <summary>The new text, for <c>response.output_text.delta</c>.</summary>
    [JsonPropertyName("delta")]
    public string? Delta { get; set; }

    /// <summary>The part's whole text, for <c>response.output_text.done</c>.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>What the agent is thinking, for the reasoning events.</summary>
    [JsonPropertyName("thought")]
    public string? Thought { get; set; }

    /// <summary>The queries, for <c>response.reasoning.search_queries</c>.</summary>
    [JsonPropertyName("queries")]
    public IList<string>? Queries { get; set; }

    /// <summary>The results, for <c>response.reasoning.search_results</c>.</summary>
    [JsonPropertyName("results")]
    public IList<AgentSearchResult>? Results { get; set; }

    /// <summary>The URLs, for <c>response.reasoning.fetch_url_queries</c>.</summary>
    [JsonPropertyName("urls")]
    public IList<string>? Urls { get; set; }

    /// <summary>The pages, for <c>response.reasoning.fetch_url_results</c>.</summary>
    [JsonPropertyName("contents")]
    public IList<AgentUrlContent>? Contents { get; set; }

    /// <summary>The skill, for <c>response.skill.loaded</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Usage so far, when an event reports it.</summary>
    [JsonPropertyName("usage")]
    public AgentUsage? Usage { get; set; }

    /// <summary>The error, for <c>response.failed</c>.</summary>
    [JsonPropertyName("error")]
    public AgentError? Error { get; set; }

    /// <summary>Fields this SDK does not model (all of an unknown event's other fields), kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    private static AgentStreamEventKind KindOf(string type) => type switch
    {
        "response.created" => AgentStreamEventKind.Created,
        "response.in_progress" => AgentStreamEventKind.InProgress,
        "response.output_item.added" => AgentStreamEventKind.OutputItemAdded,
        "response.output_item.done" => AgentStreamEventKind.OutputItemDone,
        "response.output_text.delta" => AgentStreamEventKind.OutputTextDelta,
        "response.output_text.done" => AgentStreamEventKind.OutputTextDone,
        "response.reasoning.started" => AgentStreamEventKind.ReasoningStarted,
        "response.reasoning.search_queries" => AgentStreamEventKind.ReasoningSearchQueries,
        "response.reasoning.search_results" => AgentStreamEventKind.ReasoningSearchResults,
        "response.reasoning.fetch_url_queries" => AgentStreamEventKind.ReasoningFetchUrlQueries,
        "response.reasoning.fetch_url_results" => AgentStreamEventKind.ReasoningFetchUrlResults,
        "response.reasoning.stopped" => AgentStreamEventKind.ReasoningStopped,
        "response.skill.loaded" => AgentStreamEventKind.SkillLoaded,
        "response.completed" => AgentStreamEventKind.Completed,
        "response.failed" => AgentStreamEventKind.Failed,
        _ => AgentStreamEventKind.Unknown,
    };
}
