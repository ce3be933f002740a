namespace ThreadClient.Aitronos;

/// <summary>
/// What <see cref="AitronosClient.StreamResponseAsync"/> returns. Enumerated, it sends the request and
/// yields each event; folded by <see cref="AitronosStreamExtensions.ToResponseAsync"/>, it reads each
/// event straight into the <see cref="AitronosResponseBuilder"/>, as the other providers' streams do.
/// </summary>
internal sealed class AitronosEventStream(AitronosClient client, AitronosClient.StreamCall call, CancellationToken callToken) : IAsyncEnumerable<AitronosStreamEvent>
{
    /// <summary>The same call, folding every event into <paramref name="builder"/> and yielding nothing.</summary>
    public IAsyncEnumerable<AitronosStreamEvent> FoldingInto(AitronosResponseBuilder builder) => client.Stream(call, builder, callToken);

    /// <inheritdoc/>
    public IAsyncEnumerator<AitronosStreamEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        client.Stream(call, fold: null, callToken).GetAsyncEnumerator(cancellationToken);
}
