using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>Helpers over a stream of <see cref="ChatCompletionChunk"/>s.</summary>
public static class ChatCompletionStreamExtensions
{
    /// <summary>Reads the whole stream and folds it into the final completion.</summary>
    /// <param name="chunks">The stream, for example from <see cref="PerplexityClient.StreamChatCompletionAsync"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The completion the stream adds up to.</returns>
    public static Task<ChatCompletion> ToChatCompletionAsync(this IAsyncEnumerable<ChatCompletionChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var builder = new ChatCompletionBuilder();

        return Folding.FoldAsync(FoldableStream<ChatCompletionChunk, ChatCompletionBuilder>.Into(chunks, builder), builder, cancellationToken);
    }
}
