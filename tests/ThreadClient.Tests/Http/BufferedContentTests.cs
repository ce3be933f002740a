using System.Net;
using System.Text;
using ThreadClient.Http;
using ThreadClient.Tests.Infrastructure;

namespace ThreadClient.Tests.Http;

/// <summary>A reply body read into a pooled buffer inside the attempt: every byte and content header kept, the original content closed.</summary>
public sealed class BufferedContentTests
{
    [Fact]
    public async Task A_body_of_unknown_length_larger_than_the_first_buffer_is_read_whole_with_its_content_headers()
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i % 10}é")));
        var original = new StreamContent(new TrickleStream(bytes));
        original.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        original.Headers.ContentLanguage.Add("fr");
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = original };

        await BufferedContent.LoadAsync(response, CancellationToken.None);

        var buffered = Assert.IsType<BufferedContent>(response.Content);
        Assert.Equal(bytes, buffered.Memory.Span.ToArray());
        Assert.Equal("application/json; charset=utf-8", buffered.Headers.ContentType!.ToString());
        Assert.Equal(["fr"], buffered.Headers.ContentLanguage);
        Assert.Equal(bytes.Length, buffered.Headers.ContentLength);
        Assert.Equal(Encoding.UTF8.GetString(bytes), await buffered.ReadAsStringAsync());
        Assert.Throws<ObjectDisposedException>(() => original.ReadAsStream());
    }

    [Fact]
    public async Task The_original_content_is_disposed_and_the_buffer_is_gone_once_the_response_is()
    {
        var tracker = new TrackingContent.Tracker();
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new TrackingContent("{}"u8.ToArray(), "application/json", tracker) };

        await BufferedContent.LoadAsync(response, CancellationToken.None);
        var buffered = (BufferedContent)response.Content;
        Assert.Equal(1, tracker.Disposed);
        Assert.Equal("{}", Encoding.UTF8.GetString(buffered.Memory.Span));

        response.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffered.Memory.Span.Length);
    }

    [Fact]
    public async Task A_stream_handed_out_is_closed_with_the_response_before_its_buffer_goes_back_to_the_pool()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("{\"a\":1}"u8.ToArray()) };
        await BufferedContent.LoadAsync(response, CancellationToken.None);
        var stream = await response.Content.ReadAsStreamAsync();
        Assert.Equal("{\"a\":1}", await new StreamReader(stream, leaveOpen: true).ReadToEndAsync());

        response.Dispose();

        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task A_body_that_fails_mid_read_disposes_the_response_and_passes_the_error_on()
    {
        var tracker = new TrackingContent.Tracker();
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new FailingContent(tracker) };

        await Assert.ThrowsAsync<IOException>(async () => await BufferedContent.LoadAsync(response, CancellationToken.None));

        Assert.Equal(1, tracker.Disposed);
    }

    /// <summary>A non-seekable stream that hands out at most 1,000 bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FailingContent(TrackingContent.Tracker tracker) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new IOException("connection reset");

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromException<Stream>(new IOException("connection reset"));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            tracker.Increment();
            base.Dispose(disposing);
        }
    }
}
