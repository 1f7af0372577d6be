using Relay.WebSockets.Internal;

namespace Relay.WebSockets.Tests.Support;

/// <summary>
/// A transport whose reads return the scripted pieces one by one (then end of stream, or wait until disposed
/// when <see cref="HoldOpen"/>), and whose writes are recorded. Deterministic: no sockets, no timing.
/// </summary>
internal sealed class ScriptedStream(IEnumerable<byte[]> pieces) : AsyncDuplexStream
{
    private readonly Queue<byte[]> _pieces = new(pieces);
    private readonly MemoryStream _written = new();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _writes = new(0);
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

    /// <summary>Transport writes so far (coalescing shows as fewer writes than frames).</summary>
    public int WriteCount { get; private set; }

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
        {
            _written.Write(buffer.Span);
            WriteCount++;
        }

        _writes.Release();
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits (bounded) until what has been written satisfies <paramref name="predicate"/>.</summary>
    public async Task<byte[]> WaitForWrittenAsync(Func<byte[], bool> predicate, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var written = Written;
            if (predicate(written))
                return written;
            await _writes.WaitAsync(cancellation.Token);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _disposed.TrySetResult();
        base.Dispose(disposing);
    }
}
