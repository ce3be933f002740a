namespace ThreadClient.Http;

/// <summary>
/// Wraps a stream's body so that each read must make progress within the idle timeout: any bytes
/// (a heartbeat, an SSE comment) restart the clock. When it fires, the read fails with
/// <see cref="ThreadsTimeoutException"/> naming <c>StreamIdleTimeout</c>; the caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class IdleTimeoutContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;

    public IdleTimeoutContent(HttpContent inner, TimeSpan timeout, TimeProvider clock)
    {
        _inner = inner;
        _timeout = timeout;
        _clock = clock;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
    {
        var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new IdleTimeoutStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _timeout, _clock);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class IdleTimeoutStream : Stream
    {
        private readonly Stream _inner;
        private readonly TimeSpan _timeout;
        private readonly CancellationTokenSource _idle = new();
        private readonly ITimer _timer;
        private volatile bool _timedOut;

        public IdleTimeoutStream(Stream inner, TimeSpan timeout, TimeProvider clock)
        {
            _inner = inner;
            _timeout = timeout;
            _timer = clock.CreateTimer(static state => ((IdleTimeoutStream)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_timedOut)
            {
                throw TimedOut(null);
            }

            _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
            var registration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _idle);
            try
            {
                return await _inner.ReadAsync(buffer, _idle.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }
            catch (Exception ex) when (_timedOut)
            {
                throw TimedOut(ex);
            }
            finally
            {
                _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                await registration.DisposeAsync().ConfigureAwait(false);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _timer.Dispose();
                _idle.Dispose();
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
            _idle.Dispose();
            await _inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private void Fire()
        {
            _timedOut = true;
            try
            {
                _idle.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream was closed while the timer fired: nothing left to stop.
            }
        }

        private ThreadsTimeoutException TimedOut(Exception? inner) =>
            new(nameof(ResilienceOptions.StreamIdleTimeout), _timeout, inner);
    }
}
