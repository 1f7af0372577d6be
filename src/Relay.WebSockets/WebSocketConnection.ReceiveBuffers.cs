using System.Buffers;
using System.Runtime.CompilerServices;
using Relay.WebSockets.Compression.Internal;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets;

public sealed partial class WebSocketConnection
{
    private Inflater? _inflater;     // per connection with context takeover; else rented for one message
    private bool _inflaterRented;

    /// <summary>Reads once from the transport. False at end of stream or on a transport failure.</summary>
    /// <remarks>Pooled state machine: this suspends on every network read, so it must not allocate each time.</remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(bool allowDirectRead, CancellationToken cancellationToken)
    {
        try
        {
            if (allowDirectRead && CanReadDirect())
            {
                // A large uncompressed frame with nothing buffered: read into its place in the message buffer
                // instead of copying through the read buffer (ProcessDataFrame unmasks and validates it there).
                var destination = _messageBuffer.AsMemory(_messageLength, (int)Math.Min(_frameRemaining, _messageBuffer!.Length - _messageLength));
                var read = await _stream.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
                _directPending = read;
                return read > 0;
            }

            if (_readStart > 0)
            {
                // Compact: what is left is a partial header or a partial frame, at most one read buffer.
                _readBuffer.AsSpan(_readStart, _readEnd - _readStart).CopyTo(_readBuffer);
                _readEnd -= _readStart;
                _readStart = 0;
            }

            if (_readEnd == _readBuffer.Length)
                ThrowHelper.ThrowInvalidOperation("Read buffer full: an in-place frame exceeded its size.");
            var count = await _stream.ReadAsync(_readBuffer.AsMemory(_readEnd), cancellationToken).ConfigureAwait(false);
            _readEnd += count;
            return count > 0;
        }
        catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>
    /// Between messages with nothing buffered the connection may stay idle for hours: <see cref="ReceiveAsync"/> then
    /// hands the read buffer back to the pool and waits with a zero-byte read (Kestrel's pipes and sockets complete
    /// it when data arrives), so an idle connection holds no read buffer. The wait is awaited by
    /// <see cref="ReceiveAsync"/> itself, not by a helper method, so an idle connection also holds no extra state
    /// machine; a busy connection finds data already there and the zero-byte read completes synchronously.
    /// </summary>
    private bool IsIdleBetweenMessages => _readStart == _readEnd && !_inFrame && !_messageOpen;

    private void ReleaseReadBufferWhileIdle()
    {
        ArrayPool<byte>.Shared.Return(_readBuffer);
        _readBuffer = [];
        _readStart = _readEnd = 0;
    }

    private void RentReadBufferAfterIdle() => _readBuffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);

    private bool CanReadDirect() =>
        _inFrame && !_frame.IsControl && !_frameInPlace && !_messageCompressed && _readStart == _readEnd
        && _frameRemaining >= ReadBufferSize && _messageBuffer is not null;

    private void EnsureMessageCapacity(int needed)
    {
        if (_messageBuffer is not null && _messageBuffer.Length >= needed)
            return;
        // Double to amortise growth, but never beyond what the message limit allows (+1 detects overflow).
        var size = Math.Max(needed, Math.Min((_messageBuffer?.Length ?? 0) * 2, _options.MaxMessageSize + 1));
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(size, 256));
        if (_messageBuffer is not null)
        {
            _messageBuffer.AsSpan(0, _messageLength).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_messageBuffer);
        }

        _messageBuffer = grown;
    }

    private void ReleaseLargeMessageBuffer()
    {
        if (_messageBuffer is { Length: > RetainedMessageBufferSize })
        {
            ArrayPool<byte>.Shared.Return(_messageBuffer);
            _messageBuffer = null;
            _messageLength = 0;
        }
    }

    private void BeginInflate(long compressedLength)
    {
        var parameters = _deflate!.Value;
        // The peer's window: the client's when we are the server. zlib inflates a window of 8 only if the
        // sender really used 256 bytes; old zlib senders silently used 9, so never inflate with less than 9.
        var windowBits = Math.Max(9, _isServer ? parameters.ClientMaxWindowBits : parameters.ServerMaxWindowBits);
        var peerResetsContext = _isServer ? parameters.ClientNoContextTakeover : parameters.ServerNoContextTakeover;
        if (_inflater is null)
        {
            _inflaterRented = peerResetsContext;
            _inflater = peerResetsContext ? ZStreamPool.RentInflater(windowBits) : new Inflater(windowBits);
        }

        // Start with room for a typical 4:1 ratio; Inflate grows it as needed, up to the message limit.
        EnsureMessageCapacity((int)Math.Min(_options.MaxMessageSize + 1L, Math.Max(1024, compressedLength * 4)));
    }

    private FrameError InflateChunk(Span<byte> chunk)
    {
        if (_frame.Masked)
            _maskOffset = Masking.Apply(chunk, _frame.MaskKey, _maskOffset);
        return Inflate(chunk);
    }

    /// <summary>RFC 7692 §7.2.2: append 00 00 FF FF to the message's payload before the last inflate.</summary>
    private FrameError InflateMessageTail() => Inflate(Inflater.MessageTail);

    /// <summary>
    /// Inflates into the message buffer, never producing more than one byte past the message limit: a
    /// compression bomb fails with 1009 after at most MaxMessageSize + 1 bytes of output.
    /// </summary>
    private FrameError Inflate(ReadOnlySpan<byte> input)
    {
        var limit = _options.MaxMessageSize + 1;
        while (true)
        {
            if (_messageLength == Math.Min(_messageBuffer!.Length, limit))
                EnsureMessageCapacity((int)Math.Min(limit, _messageLength * 2L));
            var space = _messageBuffer.AsSpan(_messageLength, Math.Min(_messageBuffer.Length, limit) - _messageLength);
            if (_inflater!.Inflate(input, space, out var consumed, out var produced) == InflateStatus.InvalidData)
                return FrameError.InvalidCompressedData;
            var output = space[..produced];
            _messageLength += produced;
            input = input[consumed..];
            if (_messageLength > _options.MaxMessageSize)
                return FrameError.MessageTooBig;
            if (_messageType == WebSocketMessageType.Text && !_utf8.TryAppend(output))
                return FrameError.InvalidUtf8;
            if (produced < space.Length && (input.IsEmpty || consumed == 0))
            {
                // All input used and no output pending; or zlib could not progress with room to spare.
                return input.IsEmpty ? FrameError.None : FrameError.InvalidCompressedData;
            }
        }
    }

    private void EndInflate()
    {
        var parameters = _deflate!.Value;
        if (_inflaterRented)
        {
            ZStreamPool.Return(_inflater!, Math.Max(9, _isServer ? parameters.ClientMaxWindowBits : parameters.ServerMaxWindowBits));
            _inflater = null;
        }
    }

    private void ReleaseReaderResources()
    {
        if (_inflater is not null)
        {
            // A rented inflater may be mid-message: its state is useless to others, so free it.
            _inflater.Dispose();
            _inflater = null;
        }

        if (_messageBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_messageBuffer);
            _messageBuffer = null;
        }

        if (_readBuffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_readBuffer);
        _readBuffer = [];
        _readStart = _readEnd = 0;
    }
}
