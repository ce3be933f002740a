using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The fields a Perplexity reply and each of its stream chunks share.</summary>
public abstract class ChatCompletionBase : ThreadsResult
{
    private IList<ChatChoice> _choices = [];

    /// <summary>The completion id.</summary>
    public string? Id { get; set; }

    /// <summary>The object type: <c>chat.completion</c> or <c>chat.completion.chunk</c>.</summary>
    public string? ObjectType { get; set; }

    /// <summary>When the completion was created, in unix seconds.</summary>
    public long? Created { get; set; }

    /// <summary>The model that answered.</summary>
    public string? Model { get; set; }

    /// <summary>The generated choices (usually one).</summary>
    public IList<ChatChoice> Choices
    {
        get => _choices;
        set => _choices = value ?? [];
    }

    /// <summary>Token counts and cost, when the service reported them.</summary>
    public ChatUsage? Usage { get; set; }

    /// <summary>The URLs the answer cites.</summary>
    public IList<string>? Citations { get; set; }

    /// <summary>The search results the answer drew on.</summary>
    public IList<SearchResult>? SearchResults { get; set; }

    /// <summary>The thread this reply belongs to, when threads are on. The latest value always wins.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Suggested follow-up questions, when asked for.</summary>
    public IList<string>? RelatedQuestions { get; set; }

    /// <summary>Images found by search, as the service sent them (their shape varies).</summary>
    public JsonElement? Images { get; set; }

    /// <summary>Fields this SDK does not model, kept as they came.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The Agent API response this reply was made from, when a session sent the turn to the Agent API
    /// because chat completions are retired; <see langword="null"/> for a chat completion.
    /// </summary>
    public Agent.AgentResponse? AgentResponse { get; set; }

    /// <summary><see cref="Created"/> as a point in time.</summary>
    public DateTimeOffset? CreatedAt => Created is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>
    /// The one description of the fields every Perplexity reply shares, for the table of each reply type
    /// (<see cref="ChatCompletion"/>, <see cref="ChatCompletionChunk"/>, and the fold's own chunk).
    /// </summary>
    internal static JsonFields<TReply> Fields<TReply>(Func<TReply> create)
        where TReply : ChatCompletionBase => new JsonFields<TReply>(create)
        .Add("id", Wire.Known, static x => x.Id, static (x, v) => x.Id = v)
        .Add("object", Wire.Known, static x => x.ObjectType, static (x, v) => x.ObjectType = v)
        .Add("created", Wire.Int64, static x => x.Created, static (x, v) => x.Created = v)
        .Add("model", Wire.Known, static x => x.Model, static (x, v) => x.Model = v)
        .Add("thread_id", Wire.Known, static x => x.ThreadId, static (x, v) => x.ThreadId = v)
        .Add("choices", Wire.Shaped(Wire.ListOf<ChatChoice>(), JsonTokenType.StartArray, "choices"), static x => x.Choices, static (x, v) => x.Choices = v!)
        .Add("usage", Wire.Shaped(Wire.Model<ChatUsage>(), JsonTokenType.StartObject, "usage"), static x => x.Usage, static (x, v) => x.Usage = v)
        .Add("citations", Wire.Strings, static x => x.Citations, static (x, v) => x.Citations = v)
        .Add("search_results", Wire.ListOf<SearchResult>(), static x => x.SearchResults, static (x, v) => x.SearchResults = v)
        .Add("related_questions", Wire.Strings, static x => x.RelatedQuestions, static (x, v) => x.RelatedQuestions = v)
        .Add("images", Wire.Element, static x => x.Images, static (x, v) => x.Images = v)
        .Extras(static x => x.AdditionalProperties, static (x, v) => x.AdditionalProperties = v);
}
