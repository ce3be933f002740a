using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>A complete Perplexity chat completion.</summary>
public sealed class ChatCompletion : ChatCompletionBase
{
    /// <summary>The text of the first choice's message, or <see langword="null"/> when there is none.</summary>
    [JsonIgnore]
    public string? Content => Choices.Count > 0 ? Choices[0].Message?.Content?.Text : null;
}
