namespace Relay.WebSockets.Tests.Support;

/// <summary>
/// A transport whose reads return the scripted pieces one by one (then end of stream, or wait until disposed
/// when <see cref="HoldOpen"/>), and whose writes are recorded. Deterministic: no sockets, no timing.
/// </summary>
public sealed class ScriptedStream(IEnumerable<byte[]> pieces) : Stream
{
    private readonly Queue<byte[]> _pieces = new(pieces);
    private readonly MemoryStream _written = new();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _current;
    private int _offset;

    /// <summary>After the script, block reads until disposal instead of reporting end of stream.</summary>
    public bool HoldOpen { get; init; }

    public byte[] Written
    {
        get
        {
            lock (_written)
                return _written.ToArray();
        }
    }

    public bool IsDisposed => _disposed.Task.IsCompleted;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        while (_current is null || _offset == _current.Length)
        {
            if (_pieces.Count == 0)
            {
                if (!HoldOpen)
                    return 0;
                await _disposed.Task.WaitAsync(cancellationToken);
                throw new ObjectDisposedException(nameof(ScriptedStream));
            }

            _current = _pieces.Dequeue();
            _offset = 0;
        }

        var count = Math.Min(_current.Length - _offset, buffer.Length);
        _current.AsSpan(_offset, count).CopyTo(buffer.Span);
        _offset += count;
        return count;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        lock (_written)
            _written.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        _disposed.TrySetResult();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
