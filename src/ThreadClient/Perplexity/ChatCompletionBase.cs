using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The fields a Perplexity reply and each of its stream chunks share.</summary>
public abstract class ChatCompletionBase : ThreadsResult
{
    /// <summary>The completion id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The object type: <c>chat.completion</c> or <c>chat.completion.chunk</c>.</summary>
    [JsonPropertyName("object")]
    public string? ObjectType { get; set; }

    /// <summary>When the completion was created, in unix seconds.</summary>
    [JsonPropertyName("created")]
    public long? Created { get; set; }

    /// <summary>The model that answered.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The generated choices (usually one).</summary>
    [JsonPropertyName("choices")]
    public IList<ChatChoice> Choices { get; set; } = [];

    /// <summary>Token counts and cost, when the service reported them.</summary>
    [JsonPropertyName("usage")]
    public ChatUsage? Usage { get; set; }

    /// <summary>The URLs the answer cites.</summary>
    [JsonPropertyName("citations")]
    public IList<string>? Citations { get; set; }

    /// <summary>The search results the answer drew on.</summary>
    [JsonPropertyName("search_results")]
    public IList<SearchResult>? SearchResults { get; set; }

    /// <summary>The thread this reply belongs to, when threads are on. The latest value always wins.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; set; }

    /// <summary>Suggested follow-up questions, when asked for.</summary>
    [JsonPropertyName("related_questions")]
    public IList<string>? RelatedQuestions { get; set; }

    /// <summary>Images found by search, as the service sent them (their shape varies).</summary>
    [JsonPropertyName("images")]
    public JsonElement? Images { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The Agent API response this reply was made from, when a session sent the turn to the Agent API
    /// because chat completions are retired; <see langword="null"/> for a chat completion.
    /// </summary>
    [JsonIgnore]
    public Agent.AgentResponse? AgentResponse { get; set; }

    /// <summary><see cref="Created"/> as a point in time.</summary>
    [JsonIgnore]
    public DateTimeOffset? CreatedAt => Created is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>Empties every field but the choices, for the one chunk object the SDK reuses while it folds a stream.</summary>
    internal void ClearFields()
    {
        Id = ObjectType = Model = ThreadId = null;
        Created = null;
        Usage = null;
        Citations = RelatedQuestions = null;
        SearchResults = null;
        Images = null;
        AgentResponse = null;
        AdditionalProperties?.Clear();
    }
}
