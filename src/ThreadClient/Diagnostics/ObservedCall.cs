namespace ThreadClient.Diagnostics;

/// <summary>
/// Puts a generation under a <see cref="GenAiOperation"/>: a call's task, or a stream's enumeration. When
/// nobody listens (<see cref="GenAiOperation.IsEnabled"/> is false) the call or stream is returned as it is,
/// with no wrapper allocated.
/// </summary>
internal static class ObservedCall
{
    /// <summary>
    /// Observes a call that returns the whole reply. Callers check <see cref="GenAiOperation.IsEnabled"/> first,
    /// so that an unobserved call builds no closure for <paramref name="call"/>.
    /// </summary>
    public static Task<T> Observe<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, Func<Task<T>> call, Func<T, GenAiOutcome> outcome, IGenAiInput? input = null) =>
        ObserveAsync(transport, requestModel, conversationId, call, outcome, input);

    /// <summary>
    /// Observes a stream: each enumeration is one operation, from the request to the last event; its outcome
    /// gathers what the events say (<paramref name="observe"/>) and, at the end, what <paramref name="atEnd"/>
    /// adds (a fold's builder). A caller who stops early ends it without an error.
    /// </summary>
    public static IAsyncEnumerable<T> Observe<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, IAsyncEnumerable<T> stream, Func<T, GenAiOutcome>? observe, Func<GenAiOutcome>? atEnd = null, IGenAiInput? input = null) =>
        GenAiOperation.IsEnabled ? new ObservedStream<T>(transport, requestModel, conversationId, stream, observe, atEnd, input) : stream;

    /// <remarks>
    /// The span starts inside this async method, so that it is <see cref="System.Diagnostics.Activity.Current"/> for
    /// the call's own work only: an async method's changes to the ambient context do not flow back to its caller,
    /// whose current activity is the same after the call as before it.
    /// </remarks>
    private static async Task<T> ObserveAsync<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, Func<Task<T>> call, Func<T, GenAiOutcome> outcome, IGenAiInput? input)
    {
        var operation = GenAiOperation.Start(transport, requestModel, conversationId, input);
        T reply;
        try
        {
            reply = await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            operation?.Fail(ex);
            throw;
        }

        operation?.Complete(outcome(reply));
        return reply;
    }

    private sealed class ObservedStream<T>(Http.ApiTransport transport, string? requestModel, string? conversationId, IAsyncEnumerable<T> stream, Func<T, GenAiOutcome>? observe, Func<GenAiOutcome>? atEnd, IGenAiInput? input) : IAsyncEnumerable<T>
    {
        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            new Enumerator(this, stream.GetAsyncEnumerator(cancellationToken));

        private GenAiOperation? Start() => GenAiOperation.Start(transport, requestModel, conversationId, input);

        private GenAiOutcome Seen(GenAiOutcome outcome, T item) => observe is null ? outcome : outcome.With(observe(item));

        private GenAiOutcome Final(GenAiOutcome outcome) => atEnd is null ? outcome : outcome.With(atEnd());

        /// <summary>
        /// Starts the operation in the first <see cref="MoveNextAsync"/> (an async method, so the span is current
        /// for the request it sends and never leaks into the caller's context), and ends it at the last event,
        /// at an error, or when the caller disposes the enumerator early.
        /// </summary>
        private sealed class Enumerator(ObservedStream<T> owner, IAsyncEnumerator<T> inner) : IAsyncEnumerator<T>
        {
            private GenAiOperation? _operation;
            private bool _started;
            private GenAiOutcome _outcome;

            public T Current => inner.Current;

            public async ValueTask<bool> MoveNextAsync()
            {
                if (!_started)
                {
                    _started = true;
                    _operation = owner.Start();
                }

                bool more;
                try
                {
                    more = await inner.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    _operation?.Fail(ex);
                    throw;
                }

                if (more)
                {
                    _outcome = owner.Seen(_outcome, inner.Current);
                }
                else
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

            private void End() => _operation?.Complete(owner.Final(_outcome));
        }
    }
}
