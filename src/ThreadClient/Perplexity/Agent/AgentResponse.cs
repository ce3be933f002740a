using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A response of Perplexity's Agent API. <see cref="OutputText"/> is the answer (the concatenated
/// <c>output_text</c> parts of the message items, as the official SDKs' <c>output_text</c>);
/// <see cref="Output"/> keeps every item, including kinds this SDK does not know
/// (<see cref="AgentOutputRaw"/>); fields it does not model are in <see cref="AdditionalProperties"/>.
/// </summary>
[JsonConverter(typeof(WireModelConverter<AgentResponse>))]
public sealed class AgentResponse : ThreadsResult, IWireModel<AgentResponse>
{
    private static readonly ListConverter<AgentOutputItem> OutputItems = new(AgentOutputItemConverter.Instance);
    private static readonly MapConverter<string?> MetadataValues = new(Wire.Text);

    private static readonly JsonFields<AgentResponse> Table = new JsonFields<AgentResponse>(static () => new())
        .Add("id", Wire.Known, static x => x.Id, static (x, v) => x.Id = v)
        .Add("object", Wire.Known, static x => x.ObjectType, static (x, v) => x.ObjectType = v)
        .Add("created_at", Wire.Int64, static x => x.CreatedAtUnix, static (x, v) => x.CreatedAtUnix = v)
        .Add("model", Wire.Known, static x => x.Model, static (x, v) => x.Model = v)
        .Add("status", Wire.Known, static x => x.Status, static (x, v) => x.Status = v)
        .Add("completed_at", Wire.Int64, static x => x.CompletedAtUnix, static (x, v) => x.CompletedAtUnix = v)
        .Add("incomplete_details", Wire.Model<AgentIncompleteDetails>(), static x => x.IncompleteDetails, static (x, v) => x.IncompleteDetails = v)
        .Add("output", OutputItems, static x => x.Output, static (x, v) => x.Output = v!)
        .Add("previous_response_id", Wire.Text, static x => x.PreviousResponseId, static (x, v) => x.PreviousResponseId = v)
        .Add("store", Wire.Boolean, static x => x.Store, static (x, v) => x.Store = v)
        .Add("background", Wire.Boolean, static x => x.Background, static (x, v) => x.Background = v)
        .Add("error", Wire.Model<AgentError>(), static x => x.Error, static (x, v) => x.Error = v)
        .Add("usage", Wire.Model<AgentUsage>(), static x => x.Usage, static (x, v) => x.Usage = v)
        .Add("prompt_cache_key", Wire.Text, static x => x.PromptCacheKey, static (x, v) => x.PromptCacheKey = v)
        .Add("metadata", MetadataValues, static x => x.Metadata, static (x, v) => x.Metadata = v)
        .Add("service_tier", Wire.Known, static x => x.ServiceTier, static (x, v) => x.ServiceTier = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);

    private string? _outputText;
    private IList<AgentOutputItem> _output = [];

    /// <summary>The response id (<c>resp_...</c>), for <see cref="PerplexityAgentClient.GetResponseAsync"/> and <c>previous_response_id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The object type, <c>response</c>.</summary>
    public string? ObjectType { get; set; }

    /// <summary>When the response was created, in unix seconds.</summary>
    public long? CreatedAtUnix { get; set; }

    /// <summary>The model that answered.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// <c>completed</c>, <c>incomplete</c>, <c>failed</c>, <c>in_progress</c>, <c>queued</c>, <c>cancelling</c>,
    /// <c>cancelled</c> or <c>requires_action</c> (<see cref="AgentResponseStatus"/>); a status newer than this SDK is kept as it came.
    /// </summary>
    public string? Status { get; set; }

    /// <summary>When the response finished, in unix seconds.</summary>
    public long? CompletedAtUnix { get; set; }

    /// <summary>Why the response stopped early (status <c>incomplete</c> or <c>cancelled</c>); <see langword="null"/> otherwise.</summary>
    public AgentIncompleteDetails? IncompleteDetails { get; set; }

    /// <summary>What the agent produced, in order: messages, search results, fetched pages, function calls, and any other kind.</summary>
    public IList<AgentOutputItem> Output
    {
        get => _output;
        set => _output = value ?? [];
    }

    /// <summary>The response this one continued, when the request named one.</summary>
    public string? PreviousResponseId { get; set; }

    /// <summary>Whether the service stored the response.</summary>
    public bool? Store { get; set; }

    /// <summary>Whether the response ran in the background.</summary>
    public bool? Background { get; set; }

    /// <summary>Why the response failed, when it did.</summary>
    public AgentError? Error { get; set; }

    /// <summary>Tokens and cost, when the service reported them.</summary>
    public AgentUsage? Usage { get; set; }

    /// <summary>The <c>prompt_cache_key</c> the request carried (the service echoes it).</summary>
    public string? PromptCacheKey { get; set; }

    /// <summary>The request's <c>metadata</c>, echoed.</summary>
    public IDictionary<string, string?>? Metadata { get; set; }

    /// <summary>The service tier that served the request (<c>default</c>, <c>priority</c>).</summary>
    public string? ServiceTier { get; set; }

    /// <summary>
    /// Every other field the reply carried (the echoed request settings such as <c>instructions</c>,
    /// <c>temperature</c>, <c>tools</c>, <c>truncation</c>, and fields newer than this SDK), kept as they came.
    /// </summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Whether the answer stopped before it was finished (status <c>incomplete</c>): <see cref="IncompleteDetails"/> says why.</summary>
    public bool IsIncomplete => string.Equals(Status, AgentResponseStatus.Incomplete, StringComparison.Ordinal);

    /// <summary><see cref="CreatedAtUnix"/> as a point in time.</summary>
    public DateTimeOffset? CreatedAt => CreatedAtUnix is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>The answer: every <c>output_text</c> part of every message item, joined in order; empty when there is none.</summary>
    public string OutputText => _outputText ??= JoinOutputText();

    /// <summary>
    /// The sources of the answer: the URLs its message annotations cite, then those of its search results
    /// and fetched pages, each once, in that order.
    /// </summary>
    public IReadOnlyList<AgentSource> Sources => CollectSources();

    /// <summary>The search results of every <c>search_results</c> item, in order.</summary>
    public IReadOnlyList<AgentSearchResult> SearchResults =>
        [.. Output.OfType<AgentOutputSearchResults>().SelectMany(static item => item.Results ?? [])];

    /// <summary>The function calls the model asked for (status <c>requires_action</c>), in order.</summary>
    public IReadOnlyList<AgentOutputFunctionCall> FunctionCalls => [.. Output.OfType<AgentOutputFunctionCall>()];

    /// <summary>A copy with its own output list and extension data (the items themselves are shared), for a fold to fill in.</summary>
    internal AgentResponse Copy()
    {
        var copy = (AgentResponse)MemberwiseClone();
        copy._output = [.. _output];
        copy._outputText = null;
        copy.AdditionalProperties = AdditionalProperties is null ? null : new Dictionary<string, JsonElement>(AdditionalProperties);
        return copy;
    }

    private string JoinOutputText()
    {
        string? single = null;
        StringBuilder? joined = null;
        foreach (var item in Output)
        {
            if (item is not AgentOutputMessage { Content: { } content })
            {
                continue;
            }

            foreach (var part in content)
            {
                if (part.Text is not { Length: > 0 } text || !part.IsOutputText)
                {
                    continue;
                }

                if (single is null && joined is null)
                {
                    single = text;
                }
                else
                {
                    (joined ??= new StringBuilder(single)).Append(text);
                    single = null;
                }
            }
        }

        return joined?.ToString() ?? single ?? "";
    }

    private List<AgentSource> CollectSources()
    {
        var sources = new List<AgentSource>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string? url, string? title, string? snippet)
        {
            if (url is not { Length: > 0 })
            {
                return;
            }

            if (!seen.TryGetValue(url, out var index))
            {
                seen[url] = sources.Count;
                sources.Add(new AgentSource(url, title, snippet));
            }
            else if (sources[index] is var known && (known.Title is null || known.Snippet is null))
            {
                // A URL cited first and found again by a search: one source, with what each told of it.
                sources[index] = known with { Title = known.Title ?? title, Snippet = known.Snippet ?? snippet };
            }
        }

        foreach (var item in Output)
        {
            if (item is AgentOutputMessage { Content: { } content })
            {
                foreach (var annotation in content.SelectMany(static p => p.Annotations ?? []))
                {
                    Add(annotation.Url, annotation.Title, null);
                }
            }
        }

        foreach (var item in Output)
        {
            switch (item)
            {
                case AgentOutputSearchResults { Results: { } results }:
                    foreach (var result in results)
                    {
                        Add(result.Url, result.Title, result.Snippet);
                    }

                    break;
                case AgentOutputFetchUrlResults { Contents: { } pages }:
                    foreach (var page in pages)
                    {
                        Add(page.Url, page.Title, page.Snippet);
                    }

                    break;
            }
        }

        return sources;
    }

    static JsonFields<AgentResponse> IWireModel<AgentResponse>.Fields => Table;
}
