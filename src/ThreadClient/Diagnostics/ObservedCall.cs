namespace ThreadClient.Diagnostics;

/// <summary>
/// Puts a generation under a <see cref="GenAiOperation"/>: a call's task, or a stream's enumeration. When
/// nobody listens (<see cref="GenAiOperation.IsEnabled"/> is false) the call or stream is returned as it is,
/// with no wrapper allocated.
/// </summary>
internal static class ObservedCall
{
    /// <summary>Observes a call that returns the whole reply.</summary>
    public static Task<T> Observe<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, Func<Task<T>> call, Func<T, GenAiOutcome> outcome) =>
        GenAiOperation.Start(transport, requestModel, conversationId) is { } operation ? ObserveAsync(operation, call, outcome) : call();

    /// <summary>
    /// Observes a stream: each enumeration is one operation, from the request to the last event; its outcome
    /// gathers what the events say (<paramref name="observe"/>) and, at the end, what <paramref name="atEnd"/>
    /// adds (a fold's builder). A caller who stops early ends it without an error.
    /// </summary>
    public static IAsyncEnumerable<T> Observe<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, IAsyncEnumerable<T> stream, Func<T, GenAiOutcome>? observe, Func<GenAiOutcome>? atEnd = null) =>
        GenAiOperation.IsEnabled ? new ObservedStream<T>(transport, requestModel, conversationId, stream, observe, atEnd) : stream;

    private static async Task<T> ObserveAsync<T>(GenAiOperation operation, Func<Task<T>> call, Func<T, GenAiOutcome> outcome)
    {
        T reply;
        try
        {
            reply = await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            operation.Fail(ex);
            throw;
        }

        operation.Complete(outcome(reply));
        return reply;
    }

    private sealed class ObservedStream<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, IAsyncEnumerable<T> stream, Func<T, GenAiOutcome>? observe, Func<GenAiOutcome>? atEnd) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            GenAiOperation.Start(transport, requestModel, conversationId) is { } operation
                ? new Enumerator(operation, stream.GetAsyncEnumerator(cancellationToken), observe, atEnd)
                : stream.GetAsyncEnumerator(cancellationToken);

        private sealed class Enumerator(GenAiOperation operation, IAsyncEnumerator<T> inner, Func<T, GenAiOutcome>? observe, Func<GenAiOutcome>? atEnd) : IAsyncEnumerator<T>
        {
            private GenAiOutcome _outcome;

            public T Current => inner.Current;

            public async ValueTask<bool> MoveNextAsync()
            {
                bool more;
                try
                {
                    more = await inner.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    operation.Fail(ex);
                    throw;
                }

                if (more && observe is not null)
                {
                    _outcome = _outcome.With(observe(inner.Current));
                }
                else if (!more)
                {
                    End();
                }

                return more;
            }

            public ValueTask DisposeAsync()
            {
                End();
                return inner.DisposeAsync();
            }

            private void End() => operation.Complete(atEnd is null ? _outcome : _outcome.With(atEnd()));
        }
    }
}
