using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Relay.WebSockets.Internal;

/// <summary>
/// One end of an in-process byte pipe pair: what one end writes the other reads. Used to run a client and a
/// server connection against each other without sockets (tests, benchmarks).
/// </summary>
/// <remarks>One reader and one writer at a time, like a socket. Disposing ends our writing side (the peer reads
/// end of stream) and fails our pending read.</remarks>
internal sealed class InMemoryDuplexStream : AsyncDuplexStream
{
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;
    private int _disposed;

    private InMemoryDuplexStream(PipeReader reader, PipeWriter writer)
    {
        _reader = reader;
        _writer = writer;
    }

    /// <summary>Two connected ends. <paramref name="scheduler"/> runs continuations (Inline avoids thread hops in benchmarks).</summary>
    public static (InMemoryDuplexStream First, InMemoryDuplexStream Second) CreatePair(PipeScheduler? scheduler = null)
    {
        // 1 MiB before a writer waits: a 64 KiB message must not stall on backpressure (the default pauses at
        // 64 KiB), which would measure pipe scheduling instead of the codec.
        var options = new PipeOptions(readerScheduler: scheduler, writerScheduler: scheduler,
            pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false);
        var forward = new Pipe(options);
        var backward = new Pipe(options);
        return (new InMemoryDuplexStream(backward.Reader, forward.Writer), new InMemoryDuplexStream(forward.Reader, backward.Writer));
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        // Our Dispose cancels the pending read.
        ObjectDisposedException.ThrowIf(result.IsCanceled || Volatile.Read(ref _disposed) != 0, this);
        var data = result.Buffer;
        var count = (int)Math.Min(buffer.Length, data.Length);
        data.Slice(0, count).CopyTo(buffer.Span);
        _reader.AdvanceTo(data.GetPosition(count));
        return count; // 0 only when the peer completed its writer: end of stream
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var result = await _writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted)
            throw new IOException("The peer stopped reading.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _writer.Complete();
            _reader.CancelPendingRead();
        }

        base.Dispose(disposing);
    }
}
