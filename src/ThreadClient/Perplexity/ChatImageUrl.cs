using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>The <c>image_url</c> object of an image part.</summary>
public sealed class ChatImageUrl
{
    /// <summary>An https URL or a <c>data:</c> URI.</summary>
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";
}
