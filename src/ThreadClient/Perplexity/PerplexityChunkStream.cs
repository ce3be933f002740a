namespace ThreadClient.Perplexity;

/// <summary>
/// What <see cref="PerplexityClient.StreamChatCompletionAsync"/> returns. Enumerated, it sends the
/// request and yields one <see cref="ChatCompletionChunk"/> per event. Folded by
/// <see cref="ChatCompletionStreamExtensions.ToChatCompletionAsync"/>, it reads each event straight
/// into the <see cref="ChatCompletionBuilder"/> instead: no chunk, choice, message or delta string is
/// allocated per event, which is what keeps a folded stream near the cost of a hand-written
/// <c>Utf8JsonReader</c> loop.
/// </summary>
internal sealed class PerplexityChunkStream(PerplexityClient client, ChatCompletionRequest request, CancellationToken callToken) : IAsyncEnumerable<ChatCompletionChunk>
{
    /// <summary>The same call, folding every event into <paramref name="builder"/> and yielding nothing.</summary>
    public IAsyncEnumerable<ChatCompletionChunk> FoldingInto(ChatCompletionBuilder builder) => client.Stream(request, builder, callToken);

    /// <inheritdoc/>
    public IAsyncEnumerator<ChatCompletionChunk> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        client.Stream(request, fold: null, callToken).GetAsyncEnumerator(cancellationToken);
}
