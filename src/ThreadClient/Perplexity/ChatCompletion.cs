using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>A complete Perplexity chat completion.</summary>
[JsonConverter(typeof(WireModelConverter<ChatCompletion>))]
public sealed class ChatCompletion : ChatCompletionBase, IWireModel<ChatCompletion>
{
    private static readonly JsonFields<ChatCompletion> Table = Fields(static () => new ChatCompletion());

    /// <summary>The text of the first choice's message, or <see langword="null"/> when there is none.</summary>
    public string? Content => Choices.Count > 0 ? Choices[0].Message?.Content?.Text : null;

    static JsonFields<ChatCompletion> IWireModel<ChatCompletion>.Fields => Table;
}
