namespace Relay.WebSockets.Internal;

/// <summary>Base for non-seekable duplex streams that only implement the asynchronous memory overloads.</summary>
internal abstract class AsyncDuplexStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    // Writes are never buffered, so flushing is a completed no-op (as for NetworkStream). Without this override
    // Stream.FlushAsync would queue Flush to the thread pool on every call.
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
