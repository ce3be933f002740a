namespace ThreadClient.Sessions;

/// <summary>
/// What a client's streaming call returns, for every provider. Enumerated, it sends the request and
/// yields one event per SSE event. Folded by the provider's <c>ToResponseAsync</c> /
/// <c>ToChatCompletionAsync</c> (through <see cref="Into"/>), the same call reads each event straight
/// into the builder instead and yields nothing: no event object, and no string per delta, is made per
/// event, which keeps a folded stream near the cost of a hand-written <c>Utf8JsonReader</c> loop.
/// </summary>
/// <typeparam name="TEvent">The provider's stream event.</typeparam>
/// <typeparam name="TFold">The provider's builder.</typeparam>
internal abstract class FoldableStream<TEvent, TFold> : IAsyncEnumerable<TEvent>
    where TFold : class
{
    /// <summary>
    /// A stream over <paramref name="call"/>: <paramref name="open"/> sends it, folding into the builder it
    /// is given or, given <see langword="null"/>, yielding the events. Pass a static lambda (no closure per call).
    /// </summary>
    public static FoldableStream<TEvent, TFold> Of<TCall>(TCall call, Func<TCall, TFold?, CancellationToken, IAsyncEnumerable<TEvent>> open, CancellationToken callToken) =>
        new Call<TCall>(call, open, callToken);

    /// <summary>The SDK's own stream as the call that folds into <paramref name="fold"/>; any other stream as it is.</summary>
    public static IAsyncEnumerable<TEvent> Into(IAsyncEnumerable<TEvent> events, TFold fold) =>
        events is FoldableStream<TEvent, TFold> own ? own.FoldingInto(fold) : events;

    /// <summary>The same call, folding every event into <paramref name="fold"/> and yielding nothing.</summary>
    protected abstract IAsyncEnumerable<TEvent> FoldingInto(TFold fold);

    /// <inheritdoc/>
    public abstract IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default);

    private sealed class Call<TCall>(TCall call, Func<TCall, TFold?, CancellationToken, IAsyncEnumerable<TEvent>> open, CancellationToken callToken) : FoldableStream<TEvent, TFold>
    {
        protected override IAsyncEnumerable<TEvent> FoldingInto(TFold fold) => open(call, fold, callToken);

        public override IAsyncEnumerator<TEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            open(call, null, callToken).GetAsyncEnumerator(cancellationToken);
    }
}
