using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>One part of a multi-part message: <c>{"type":"text","text":...}</c> or <c>{"type":"image_url","image_url":{"url":...}}</c>.</summary>
public sealed class ChatContentPart
{
    /// <summary>The part type: <c>text</c> or <c>image_url</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "text";

    /// <summary>The text of a <c>text</c> part.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The image of an <c>image_url</c> part.</summary>
    [JsonPropertyName("image_url")]
    public ChatImageUrl? ImageUrl { get; set; }

    /// <summary>Fields this SDK does not model; written and read as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Creates a text part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static ChatContentPart FromText(string text) => new() { Type = "text", Text = text };

    /// <summary>Creates an image part from a URL or a <c>data:</c> URI.</summary>
    /// <param name="url">The image URL.</param>
    /// <returns>The part.</returns>
    public static ChatContentPart FromImageUrl(string url) => new() { Type = "image_url", ImageUrl = new ChatImageUrl { Url = url } };
}
