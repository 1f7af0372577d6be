using Relay.WebSockets.Internal;

namespace Relay.Benchmarks.WebSockets;

/// <summary>
/// An endless source that repeats the same bytes (one frame) forever, completing every read synchronously, so
/// a receive benchmark measures framing work rather than I/O. Writes are discarded.
/// </summary>
internal sealed class ReplayStream(byte[] data) : AsyncDuplexStream
{
    private int _position;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Like a socket with a full kernel buffer: fill what was asked, wrapping around frame boundaries.
        var destination = buffer.Span;
        var written = 0;
        while (written < destination.Length)
        {
            var count = Math.Min(destination.Length - written, data.Length - _position);
            data.AsSpan(_position, count).CopyTo(destination[written..]);
            written += count;
            _position = (_position + count) % data.Length;
        }

        return new ValueTask<int>(written);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
