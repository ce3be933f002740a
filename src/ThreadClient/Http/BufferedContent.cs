using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;

namespace ThreadClient.Http;

/// <summary>
/// A response body read into memory inside the attempt that received it, so that a body that stalls
/// is caught by that attempt's timeout and retried. The bytes sit in a buffer rented from
/// <see cref="ArrayPool{T}"/>: the SDK deserializes replies straight from <see cref="Memory"/> and
/// the buffer goes back to the pool when the response is disposed, so a call costs no copy of its
/// reply. A stream handed out over the buffer is closed with the content (<see cref="HttpContent"/>
/// disposes the read stream it created), so no reader can see the buffer once it is back in the pool.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private const int FirstBufferSize = 4096;
    private const int MaxPresizedBuffer = 16 * 1024 * 1024;
    private byte[]? _buffer;
    private int _length;

    private BufferedContent(HttpContent original)
    {
        // Copied as the strings that came (Content-Type is not parsed here); the length is the buffer's.
        foreach (var header in original.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
        }
    }

    /// <summary>The body. Valid until the response is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => (_buffer ?? throw new ObjectDisposedException(nameof(BufferedContent))).AsMemory(0, _length);

    /// <summary>Reads the whole body of <paramref name="response"/> into a pooled buffer; disposes the response if that fails.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<HttpResponseMessage> LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var original = response.Content;
            var buffered = new BufferedContent(original);
            try
            {
                await buffered.ReadAllAsync(original, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                buffered.Dispose();
                throw;
            }

            response.Content = buffered;
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync((_buffer ?? throw new ObjectDisposedException(nameof(BufferedContent))).AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        var bytes = _buffer ?? throw new ObjectDisposedException(nameof(BufferedContent));
        return Task.FromResult<Stream>(new MemoryStream(bytes, 0, _length, writable: false));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        var buffer = disposing ? Interlocked.Exchange(ref _buffer, null) : null;

        // The base closes any read stream over the buffer first; only then may the pool have it back.
        base.Dispose(disposing);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReadAllAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var expected = original.Headers.ContentLength is { } known and > 0 and < MaxPresizedBuffer ? (int)known + 1 : FirstBufferSize;
            _buffer = ArrayPool<byte>.Shared.Rent(expected);
            int read;
            while ((read = await stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                _length += read;
                if (_length == _buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                    _buffer.AsSpan(0, _length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = larger;
                }
            }
        }
    }
}
