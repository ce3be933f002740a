using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// A request to Perplexity's <c>POST /chat/completions</c>. Only the properties that are set are
/// written, in the order the service's documents show them.
/// </summary>
/// <example>
/// <code>
/// var request = new ChatCompletionRequest
/// {
///     Model = "sonar-pro",
///     UseThreads = true,
///     Messages = { ChatMessage.User("Which movie won the Cannes special jury prize in 1996?") },
/// };
/// </code>
/// </example>
public sealed class ChatCompletionRequest : Diagnostics.IGenAiInput
{
    /// <summary>The model, for example <c>sonar-pro</c> (the only model that supports threads).</summary>
    [JsonPropertyName("model")]
    public string Model { get; set; } = "sonar-pro";

    /// <summary>Set to <see langword="true"/> to start or continue a server-side thread.</summary>
    [JsonPropertyName("use_threads")]
    public bool? UseThreads { get; set; }

    /// <summary>The thread to continue (a UUID from an earlier reply). Requires <see cref="UseThreads"/>.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; set; }

    /// <summary>The messages; when continuing a thread, only the new turn.</summary>
    [JsonPropertyName("messages")]
    public IList<ChatMessage> Messages { get; set; } = [];

    /// <summary>
    /// Whether to stream. Leave unset: <see cref="PerplexityClient.StreamChatCompletionAsync"/> writes
    /// <c>true</c> itself. Set <see langword="false"/> to send <c>"stream": false</c> explicitly.
    /// </summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; set; }

    /// <summary>How the model searches the web.</summary>
    [JsonPropertyName("web_search_options")]
    public WebSearchOptions? WebSearchOptions { get; set; }

    /// <summary>Domains to include (or, prefixed with <c>-</c>, exclude) in search.</summary>
    [JsonPropertyName("search_domain_filter")]
    public IList<string>? SearchDomainFilter { get; set; }

    /// <summary>Only sources from the last <c>hour</c>, <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    [JsonPropertyName("search_recency_filter")]
    public string? SearchRecencyFilter { get; set; }

    /// <summary>Only sources published after this date (<c>M/d/yyyy</c>).</summary>
    [JsonPropertyName("search_after_date_filter")]
    public string? SearchAfterDateFilter { get; set; }

    /// <summary>Only sources published before this date (<c>M/d/yyyy</c>).</summary>
    [JsonPropertyName("search_before_date_filter")]
    public string? SearchBeforeDateFilter { get; set; }

    /// <summary>The search corpus: <c>web</c>, <c>academic</c> or <c>sec</c>.</summary>
    [JsonPropertyName("search_mode")]
    public string? SearchMode { get; set; }

    /// <summary>Whether to return images found by search.</summary>
    [JsonPropertyName("return_images")]
    public bool? ReturnImages { get; set; }

    /// <summary>Whether to return related follow-up questions.</summary>
    [JsonPropertyName("return_related_questions")]
    public bool? ReturnRelatedQuestions { get; set; }

    /// <summary>Constrains the reply's shape.</summary>
    [JsonPropertyName("response_format")]
    public ResponseFormat? ResponseFormat { get; set; }

    /// <summary>Sampling temperature, 0 to 2.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>Nucleus sampling threshold, 0 to 1.</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Top-k sampling; 0 disables it.</summary>
    [JsonPropertyName("top_k")]
    public int? TopK { get; set; }

    /// <summary>The most tokens to generate.</summary>
    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    /// <summary>Penalty for tokens already present.</summary>
    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; set; }

    /// <summary>Penalty proportional to a token's frequency so far.</summary>
    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; set; }

    /// <summary>Sequences at which generation stops.</summary>
    [JsonPropertyName("stop")]
    public IList<string>? Stop { get; set; }

    /// <summary>Reasoning effort for reasoning models: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("reasoning_effort")]
    public string? ReasoningEffort { get; set; }

    /// <summary>
    /// Fields this SDK does not model, written into the body as they are, after the modeled ones: the
    /// escape hatch for parameters the service added after this SDK was built.
    /// </summary>
    /// <remarks>Written by the SDK's request writer, not as System.Text.Json extension data (which would cost every request the serializer's fast path).</remarks>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>A shallow copy with <see cref="Stream"/> set, so the caller's request is never changed.</summary>
    internal ChatCompletionRequest WithStream(bool stream) =>
        Stream == stream ? this : CopyWith(stream);

    private ChatCompletionRequest CopyWith(bool stream)
    {
        var copy = (ChatCompletionRequest)MemberwiseClone();
        copy.Stream = stream;
        return copy;
    }

    IEnumerable<(string Role, string Text)> Diagnostics.IGenAiInput.Messages() =>
        Messages.Select(static m => (m.Role, m.Content?.Text ?? ""));
}
