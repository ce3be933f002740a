using System.Net;

namespace ThreadClient.Tests.Infrastructure;

/// <summary>Response content that says whether it was disposed, to prove the SDK closes what it opens.</summary>
public sealed class TrackingContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly Tracker? _tracker;

    public TrackingContent(byte[] bytes, string mediaType, Tracker? tracker)
    {
        _bytes = bytes;
        _tracker = tracker;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(_bytes, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _tracker is not null)
        {
            _tracker.Increment();
        }

        base.Dispose(disposing);
    }

    public sealed class Tracker
    {
        private int _disposed;

        public int Disposed => Volatile.Read(ref _disposed);

        internal void Increment() => Interlocked.Increment(ref _disposed);
    }
}
