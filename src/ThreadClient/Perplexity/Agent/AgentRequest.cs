using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// A request to Perplexity's Agent API (<c>POST /v1/responses</c>, alias <c>/v1/agent</c>), the
/// successor of Sonar chat completions. Every field of the official SDK's <c>ResponsesRequestInput</c>
/// is modelled; only the fields you set are written. The service keeps no thread: a follow-up sees
/// earlier turns only when <see cref="Input"/> replays them (or, where the service honours it,
/// <see cref="PreviousResponseId"/> points at a completed response). Sessions do that for you.
/// </summary>
public sealed class AgentRequest : Diagnostics.IGenAiInput
{
    /// <summary>The maximum number of <see cref="Models"/> the service accepts.</summary>
    public const int MaxFallbackModels = 5;

    /// <summary>The largest <see cref="MaxSteps"/> the service accepts.</summary>
    public const int MaxAgentSteps = 10;

    /// <summary>The most <see cref="Metadata"/> entries the service accepts.</summary>
    public const int MaxMetadataEntries = 16;

    /// <summary>The longest <see cref="Metadata"/> key, in characters.</summary>
    public const int MaxMetadataKeyLength = 64;

    /// <summary>The longest <see cref="Metadata"/> value, in characters.</summary>
    public const int MaxMetadataValueLength = 512;

    /// <summary>What the model reads: a string, or input items (messages, function calls and their outputs). Required.</summary>
    [JsonPropertyName("input")]
    public AgentInput Input { get; set; } = new();

    /// <summary>System-level instructions for this response.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; set; }

    /// <summary>The model, as <c>provider/model</c> (for example <c>perplexity/sonar</c>, <c>openai/gpt-5.5</c>).</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>Models to try in order when one is unavailable; at most <see cref="MaxFallbackModels"/>.</summary>
    [JsonPropertyName("models")]
    public IList<string>? Models { get; set; }

    /// <summary>
    /// A named preset (model, search configuration, tools and prompt bundled by Perplexity): <c>fast</c>,
    /// <c>low</c>, <c>medium</c>, <c>high</c>, <c>xhigh</c> (<see cref="AgentPresets"/>; the names before
    /// August 2026, such as <c>pro-search</c>, are still accepted). Not with <see cref="Effort"/> or <see cref="Profile"/>.
    /// </summary>
    [JsonPropertyName("preset")]
    public string? Preset { get; set; }

    /// <summary>A completed earlier response to continue from. Perplexity documents that this may currently be ignored: replay the transcript in <see cref="Input"/> to be sure.</summary>
    [JsonPropertyName("previous_response_id")]
    public string? PreviousResponseId { get; set; }

    /// <summary>Whether the service stores the response (so that it can be fetched or continued).</summary>
    [JsonPropertyName("store")]
    public bool? Store { get; set; }

    /// <summary>Whether the reply is streamed. Set by <see cref="PerplexityAgentClient.StreamResponseAsync"/>; leave it unset.</summary>
    [JsonPropertyName("stream")]
    public bool? Stream { get; set; }

    /// <summary>Run the response in the background: the call returns at once and <see cref="PerplexityAgentClient.GetResponseAsync"/> polls it.</summary>
    [JsonPropertyName("background")]
    public bool? Background { get; set; }

    /// <summary>The most output tokens the response may use.</summary>
    [JsonPropertyName("max_output_tokens")]
    public int? MaxOutputTokens { get; set; }

    /// <summary>The most agent steps (tool rounds) the response may take: 1 to <see cref="MaxAgentSteps"/>.</summary>
    [JsonPropertyName("max_steps")]
    public int? MaxSteps { get; set; }

    /// <summary>The selected model's reasoning settings (<c>reasoning.effort</c>); not the same as <see cref="Effort"/>.</summary>
    [JsonPropertyName("reasoning")]
    public AgentReasoning? Reasoning { get; set; }

    /// <summary>Structured output (<c>json_schema</c>).</summary>
    [JsonPropertyName("response_format")]
    public AgentResponseFormat? ResponseFormat { get; set; }

    /// <summary>Tools the agent may use: <see cref="WebSearchTool"/>, <see cref="FetchUrlTool"/>, <see cref="FunctionTool"/>, or any other with <see cref="AgentTool.FromJson(string)"/>.</summary>
    [JsonPropertyName("tools")]
    public IList<AgentTool>? Tools { get; set; }

    /// <summary>The language the answer should be in (for example <c>en</c>).</summary>
    [JsonPropertyName("language_preference")]
    public string? LanguagePreference { get; set; }

    /// <summary>
    /// The prompt cache this request shares a prefix with: send the same key on every request of a
    /// conversation, retries included (scoped to the account; an explicit key overrides the one a preset sets).
    /// </summary>
    [JsonPropertyName("prompt_cache_key")]
    public string? PromptCacheKey { get; set; }

    /// <summary>
    /// The Agent API configuration by effort level (since 2026-10-16): <c>fast</c>, <c>low</c>, <c>medium</c>,
    /// <c>high</c> or <c>xhigh</c>, optionally pinned to a release (<c>fast@2026-10-16.0</c>). Separate from
    /// <see cref="Reasoning"/>; not with <see cref="Preset"/> or <see cref="Profile"/>.
    /// </summary>
    [JsonPropertyName("effort")]
    public string? Effort { get; set; }

    /// <summary>An organization-owned saved configuration, by name; not with <see cref="Preset"/> or <see cref="Effort"/>.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; set; }

    /// <summary>Your own labels for the response, echoed in the reply: at most <see cref="MaxMetadataEntries"/> entries, keys up to <see cref="MaxMetadataKeyLength"/> and values up to <see cref="MaxMetadataValueLength"/> characters.</summary>
    [JsonPropertyName("metadata")]
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>What the service does when the input is longer than the model's context: <c>auto</c> (drop from the middle) or <c>disabled</c> (fail; the service's default).</summary>
    [JsonPropertyName("truncation")]
    public string? Truncation { get; set; }

    /// <summary>Which tools the model must or may call (<see cref="AgentToolChoice"/>).</summary>
    [JsonPropertyName("tool_choice")]
    public AgentToolChoice? ToolChoice { get; set; }

    /// <summary>Whether the model may call several tools at once (the service's default is <see langword="true"/>).</summary>
    [JsonPropertyName("parallel_tool_calls")]
    public bool? ParallelToolCalls { get; set; }

    /// <summary>The most tool calls the response may make; 0 disables tools.</summary>
    [JsonPropertyName("max_tool_calls")]
    public int? MaxToolCalls { get; set; }

    /// <summary>The service tier: <c>priority</c> (faster, billed at twice the rate) or <c>default</c>.</summary>
    [JsonPropertyName("service_tier")]
    public string? ServiceTier { get; set; }

    /// <summary>Sampling temperature (some models ignore it).</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>Nucleus sampling (some models ignore it).</summary>
    [JsonPropertyName("top_p")]
    public double? TopP { get; set; }

    /// <summary>Fields this SDK does not model, written as they are after the modelled ones (a key that repeats a modelled field replaces it).</summary>
    [JsonIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    IEnumerable<(string Role, string Text)> Diagnostics.IGenAiInput.Messages()
    {
        if (Instructions is { } instructions)
        {
            yield return ("system", instructions);
        }

        if (Input.Text is { } text)
        {
            yield return ("user", text);
            yield break;
        }

        foreach (var item in Input.Items)
        {
            if (item is AgentInputMessage message)
            {
                yield return (message.Role, message.AllText);
            }
        }
    }

    /// <summary>A shallow copy with <see cref="Stream"/> set, so that the caller's request is never modified.</summary>
    internal AgentRequest WithStream(bool? stream)
    {
        var copy = (AgentRequest)MemberwiseClone();
        copy.Stream = stream;
        return copy;
    }
}
