using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// One event of a streamed completion. In Perplexity's default "full" mode a chunk carries both the
/// new text (<c>delta</c>) and the whole message so far (<c>message</c>): use <see cref="DeltaText"/>
/// to print as it arrives, and <see cref="ChatCompletionBuilder"/> to fold the stream.
/// </summary>
[JsonConverter(typeof(WireModelConverter<ChatCompletionChunk>))]
public sealed class ChatCompletionChunk : ChatCompletionBase, IWireModel<ChatCompletionChunk>
{
    private static readonly JsonFields<ChatCompletionChunk> Table = Fields(static () => new ChatCompletionChunk());

    /// <summary>The new text of the first choice in this chunk, or <see langword="null"/>.</summary>
    public string? DeltaText => Choices.Count > 0 ? Choices[0].Delta?.Content?.Text : null;

    static JsonFields<ChatCompletionChunk> IWireModel<ChatCompletionChunk>.Fields => Table;
}
