using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>How the model searches the web (<c>web_search_options</c>).</summary>
public sealed class WebSearchOptions
{
    /// <summary>The search depth: <c>fast</c>, <c>pro</c> or <c>auto</c>.</summary>
    [JsonPropertyName("search_type")]
    public string? SearchType { get; set; }

    /// <summary>How much retrieved context to use: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    [JsonPropertyName("search_context_size")]
    public string? SearchContextSize { get; set; }

    /// <summary>Where the user is.</summary>
    [JsonPropertyName("user_location")]
    public UserLocation? UserLocation { get; set; }

    /// <summary>Fields this SDK does not model; written as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
