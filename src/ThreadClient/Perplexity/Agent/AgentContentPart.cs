using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>A part of an <see cref="AgentInputMessage"/>: <c>input_text</c> or <c>input_image</c>.</summary>
public sealed class AgentContentPart
{
    /// <summary><c>input_text</c> or <c>input_image</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "input_text";

    /// <summary>The text of an <c>input_text</c> part.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The image of an <c>input_image</c> part: an https URL or a <c>data:</c> URI.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; set; }

    /// <summary>A text part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static AgentContentPart InputText(string text) => new() { Type = "input_text", Text = text ?? throw new ArgumentNullException(nameof(text)) };

    /// <summary>An image part.</summary>
    /// <param name="imageUrl">An https URL or a <c>data:</c> URI.</param>
    /// <returns>The part.</returns>
    public static AgentContentPart InputImage(string imageUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imageUrl);
        return new() { Type = "input_image", ImageUrl = imageUrl };
    }
}
