using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The <c>regex</c> object of a <see cref="ResponseFormat"/>.</summary>
public sealed class RegexFormat
{
    /// <summary>The regular expression the reply must match.</summary>
    [JsonPropertyName("regex")]
    public string Pattern { get; set; } = "";
}
