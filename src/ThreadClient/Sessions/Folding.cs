namespace ThreadClient.Sessions;

/// <summary>Reads a whole stream into its fold: the one loop behind every provider's <c>To...Async</c>.</summary>
internal static class Folding
{
    /// <summary>Appends every item of <paramref name="source"/> to <paramref name="fold"/> and builds the reply.</summary>
    /// <param name="source">The items, or, for the SDK's own streams, a call that appends to the fold itself and yields nothing.</param>
    /// <param name="fold">The provider's builder.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<TReply> FoldAsync<TItem, TReply>(IAsyncEnumerable<TItem> source, IReplyFold<TItem, TReply> fold, CancellationToken cancellationToken)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            fold.Append(item);
        }

        return fold.Build();
    }
}
