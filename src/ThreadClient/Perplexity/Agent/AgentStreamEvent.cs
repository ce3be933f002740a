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
[JsonConverter(typeof(WireModelConverter<AgentStreamEvent>))]
public sealed class AgentStreamEvent : IWireModel<AgentStreamEvent>
{
    private static readonly JsonFields<AgentStreamEvent> Table = new JsonFields<AgentStreamEvent>(static () => new())
        .Add("type", Wire.Known, static x => x.Type, static (x, v) => x.Type = v!)
        .Add("sequence_number", Wire.Int64, static x => x.SequenceNumber, static (x, v) => x.SequenceNumber = v)
        .Add("response", Wire.Model<AgentResponse>(), static x => x.Response, static (x, v) => x.Response = v)
        .Add("item", AgentOutputItemConverter.Instance, static x => x.Item, static (x, v) => x.Item = v)
        .Add("output_index", Wire.Int64, static x => x.OutputIndex, static (x, v) => x.OutputIndex = v)
        .Add("content_index", Wire.Int64, static x => x.ContentIndex, static (x, v) => x.ContentIndex = v)
        .Add("item_id", Wire.Known, static x => x.ItemId, static (x, v) => x.ItemId = v)
        .Add("delta", Wire.Text, static x => x.Delta, static (x, v) => x.Delta = v)
        .Add("text", Wire.Text, static x => x.Text, static (x, v) => x.Text = v)
        .Add("thought", Wire.Text, static x => x.Thought, static (x, v) => x.Thought = v)
        .Add("queries", Wire.Strings, static x => x.Queries, static (x, v) => x.Queries = v)
        .Add("results", Wire.ListOf<AgentSearchResult>(), static x => x.Results, static (x, v) => x.Results = v)
        .Add("urls", Wire.Strings, static x => x.Urls, static (x, v) => x.Urls = v)
        .Add("contents", Wire.ListOf<AgentUrlContent>(), static x => x.Contents, static (x, v) => x.Contents = v)
        .Add("name", Wire.Text, static x => x.Name, static (x, v) => x.Name = v)
        .Add("usage", Wire.Model<AgentUsage>(), static x => x.Usage, static (x, v) => x.Usage = v)
        .Add("error", Wire.Model<AgentError>(), static x => x.Error, static (x, v) => x.Error = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    private string _type = "";

    /// <summary>The event type as sent, for example <c>response.output_text.delta</c>.</summary>
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
    public AgentStreamEventKind Kind { get; private set; }

    /// <summary>The event's position in the stream.</summary>
    public long? SequenceNumber { get; set; }

    /// <summary>The response, for <c>response.created</c>, <c>.in_progress</c> and <c>.completed</c>.</summary>
    public AgentResponse? Response { get; set; }

    /// <summary>The output item, for <c>response.output_item.added</c> and <c>.done</c>.</summary>
    public AgentOutputItem? Item { get; set; }

    /// <summary>Which output item the event is about.</summary>
    public long? OutputIndex { get; set; }

    /// <summary>Which content part of the item the event is about.</summary>
    public long? ContentIndex { get; set; }

    /// <summary>The id of the item the text belongs to.</summary>
    public string? ItemId { get; set; }

    /// <summary>The new text, for <c>response.output_text.delta</c>.</summary>
    public string? Delta { get; set; }

    /// <summary>The part's whole text, for <c>response.output_text.done</c>.</summary>
    public string? Text { get; set; }

    /// <summary>What the agent is thinking, for the reasoning events.</summary>
    public string? Thought { get; set; }

    /// <summary>The queries, for <c>response.reasoning.search_queries</c>.</summary>
    public IList<string>? Queries { get; set; }

    /// <summary>The results, for <c>response.reasoning.search_results</c>.</summary>
    public IList<AgentSearchResult>? Results { get; set; }

    /// <summary>The URLs, for <c>response.reasoning.fetch_url_queries</c>.</summary>
    public IList<string>? Urls { get; set; }

    /// <summary>The pages, for <c>response.reasoning.fetch_url_results</c>.</summary>
    public IList<AgentUrlContent>? Contents { get; set; }

    /// <summary>The skill, for <c>response.skill.loaded</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Usage so far, when an event reports it.</summary>
    public AgentUsage? Usage { get; set; }

    /// <summary>The error, for <c>response.failed</c>.</summary>
    public AgentError? Error { get; set; }

    /// <summary>Fields this SDK does not model (all of an unknown event's other fields), kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The table this type is read and written by (for the fold's variant of it).</summary>
    internal static JsonFields<AgentStreamEvent> WireFields => Table;

    /// <summary>The builder that reads every event of a stream into this one object, when the SDK folds its own stream.</summary>
    internal AgentResponseBuilder? Fold { get; init; }

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
        "response.completed" or "response.incomplete" => AgentStreamEventKind.Completed,
        "response.failed" => AgentStreamEventKind.Failed,
        _ => AgentStreamEventKind.Unknown,
    };

    static JsonFields<AgentStreamEvent> IWireModel<AgentStreamEvent>.Fields => Table;
}
