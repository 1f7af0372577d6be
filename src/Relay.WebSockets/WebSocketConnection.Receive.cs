using System.Buffers;
using System.Runtime.CompilerServices;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;
using Relay.WebSockets.Messages;

namespace Relay.WebSockets;

public sealed partial class WebSocketConnection
{
    /// <summary>
    /// Read buffer size. Headers, control frames and single-frame messages up to this size are unmasked in place
    /// and returned without a copy; larger frames are read straight into the message buffer. 4 KiB matches
    /// Kestrel's pipe segments and keeps 10,000 idle connections at 40 MiB of read buffers.
    /// </summary>
    private const int ReadBufferSize = 4096;

    /// <summary>
    /// A message buffer larger than this is returned to the pool once its message has been consumed, so one burst
    /// of large messages does not pin memory for the connection's lifetime.
    /// </summary>
    private const int RetainedMessageBufferSize = 64 * 1024;

    // Reader state: touched only by the holder of _readerGate (ReceiveAsync, or CloseAsync draining).
    private readonly AsyncGate _readerGate = new();
    private byte[] _readBuffer = null!;  // rented in InitializeReader, returned by ReleaseReaderResources
    private int _readStart;              // first unconsumed byte
    private int _readEnd;                // end of the bytes read
    private byte[]? _messageBuffer;      // rented on demand, returned by ReleaseReaderResources or when large
    private int _messageLength;
    private int _directPending;          // bytes read straight into _messageBuffer, not yet unmasked/validated

    private bool _inFrame;
    private FrameHeader _frame;
    private long _frameRemaining;        // payload bytes not consumed yet (in-place frames: all of them until complete)
    private int _maskOffset;
    private bool _frameInPlace;          // single-frame message kept in _readBuffer
    private int _inPlaceProcessed;       // bytes of the in-place payload already unmasked and validated

    private bool _messageOpen;           // a data message has started and its final frame has not completed
    private WebSocketMessageType _messageType;
    private bool _messageCompressed;
    private long _messageWireLength;     // payload bytes on the wire for the open message (limit check)
    private Utf8Validator _utf8;

    private bool _receiveEnded;
    private bool _rawDrain;              // after an undecodable header: discard bytes until end of stream

    /// <summary>
    /// Receives the next whole message: fragments reassembled, payload unmasked, inflated and (for text) UTF-8
    /// validated. Pings are answered and pongs reported on the way.
    /// </summary>
    /// <param name="cancellationToken">Cancelling aborts the connection: a half-read frame cannot be resumed.</param>
    /// <returns>
    /// The message, valid until the next call; or a <see cref="WebSocketMessageType.Close"/> message once the
    /// connection has ended (see <see cref="Completion"/>), after which every call returns it again.
    /// </returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<WebSocketMessage> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (!_readerGate.TryEnter())
        {
            // CloseAsync may be draining the peer's close as the reader; anything else is a second reader.
            if (!IsCloseQueued)
                ThrowHelper.ThrowInvalidOperation("ReceiveAsync is already running: one reader at a time.");
            await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            return WebSocketMessage.Closed;
        }

        try
        {
            if (IsDisposed)
                return WebSocketMessage.Closed;
            if (!_messageOpen)
                ReleaseLargeMessageBuffer();

            while (true)
            {
                if (_receiveEnded || IsClosed)
                {
                    _receiveEnded = true;
                    return WebSocketMessage.Closed;
                }

                if (IsCloseQueued)
                {
                    // CloseAsync or the outbound limit started the close: data from now on is discarded.
                    await WaitForPeerCloseAsync().ConfigureAwait(false);
                    continue;
                }

                var step = ProcessBuffered(out var message);
                switch (step)
                {
                    case ReceiveStep.Message:
                        return message;
                    case ReceiveStep.NeedMoreData:
                        if (IsIdleBetweenMessages)
                        {
                            ReleaseReadBufferWhileIdle();
                            try
                            {
                                await _stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                            }
                            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
                            {
                                // The read below meets the same end of the transport and reports it.
                            }
                            finally
                            {
                                RentReadBufferAfterIdle();
                            }
                        }

                        if (!await FillAsync(allowDirectRead: true, cancellationToken).ConfigureAwait(false))
                            OnTransportEnded();
                        break;
                    case ReceiveStep.PeerClosed:
                        await OnPeerClosedAsync().ConfigureAwait(false);
                        break;
                    case ReceiveStep.Failed:
                        await WaitForPeerCloseAsync().ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AbortCore(CloseInitiator.Local, FrameError.None);
            throw;
        }
        finally
        {
            _readerGate.Exit();
        }
    }

    private void InitializeReader(ReadOnlySpan<byte> bufferedInput)
    {
        _readBuffer = ArrayPool<byte>.Shared.Rent(Math.Max(ReadBufferSize, bufferedInput.Length));
        bufferedInput.CopyTo(_readBuffer);
        _readEnd = bufferedInput.Length;
    }

    /// <summary>Parses and handles everything already buffered, without I/O.</summary>
    private ReceiveStep ProcessBuffered(out WebSocketMessage message)
    {
        message = default;
        while (true)
        {
            if (!_inFrame)
            {
                var status = FrameHeaderParser.TryParse(_readBuffer.AsSpan(_readStart, _readEnd - _readStart), _rules,
                    _messageOpen, _messageWireLength, out var header, out var headerLength, out var error);
                if (status == OperationStatus.NeedMoreData)
                    return ReceiveStep.NeedMoreData;
                if (status != OperationStatus.Done)
                    return Fail(error);
                _readStart += headerLength;
                _observer.FrameRead(this, header.Opcode, header.PayloadLength);
                BeginFrame(header);
            }

            var step = _frame.IsControl ? ProcessControlFrame() : ProcessDataFrame(out message);
            if (step != ReceiveStep.Continue)
                return step;
        }
    }

    private void BeginFrame(in FrameHeader header)
    {
        _frame = header;
        _inFrame = true;
        _frameRemaining = header.PayloadLength;
        _maskOffset = 0;
        _frameInPlace = false;
        _inPlaceProcessed = 0;
        if (header.IsControl)
            return;

        if (header.Opcode != WebSocketOpcode.Continuation)
        {
            _messageOpen = true;
            _messageType = header.Opcode == WebSocketOpcode.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary;
            _messageCompressed = header.IsCompressed;
            _messageLength = 0;
            _messageWireLength = 0;
            _utf8.Reset();
            if (_messageCompressed)
                BeginInflate(header.PayloadLength);
            else if (header.Fin && header.PayloadLength <= _readBuffer.Length)
                _frameInPlace = true;
        }

        _messageWireLength += header.PayloadLength;
        if (!_frameInPlace && !_messageCompressed)
            EnsureMessageCapacity(_messageLength + (int)header.PayloadLength);
    }

    private ReceiveStep ProcessControlFrame()
    {
        // A control payload is at most 125 bytes: FillAsync always makes room for all of it.
        var length = (int)_frame.PayloadLength;
        if (_readEnd - _readStart < length)
            return ReceiveStep.NeedMoreData;
        var payload = _readBuffer.AsSpan(_readStart, length);
        if (_frame.Masked)
            Masking.Apply(payload, _frame.MaskKey, 0);
        _readStart += length;
        _inFrame = false;

        switch (_frame.Opcode)
        {
            case WebSocketOpcode.Ping:
                // RFC 6455 §5.5.2/§5.5.3: answer with a pong carrying the same payload, as soon as practical.
                QueuePong(payload);
                return ReceiveStep.Continue;
            case WebSocketOpcode.Pong:
                // §5.5.3: unsolicited pongs are fine; they only count as liveness.
                Volatile.Write(ref _lastPongTimestamp, _time.GetTimestamp());
                _observer.PongReceived(this, payload);
                PongReceived?.Invoke(this, payload);
                return ReceiveStep.Continue;
            default:
                return HandleCloseFrame(payload);
        }
    }

    private ReceiveStep HandleCloseFrame(ReadOnlySpan<byte> payload)
    {
        // The peer has sent its close: whatever we answer, the closing handshake needs nothing more from it.
        _closeReceived = true;
        if (!ClosePayload.TryParse(payload, out var code, out var reason, out var error))
            return Fail(error);
        _peerCloseCode = code;
        _peerCloseReason = ClosePayload.DecodeReason(reason);
        return ReceiveStep.PeerClosed;
    }

    private ReceiveStep ProcessDataFrame(out WebSocketMessage message)
    {
        message = default;
        if (_frameInPlace)
            return ProcessInPlaceFrame(out message);

        if (_directPending > 0)
        {
            var direct = _messageBuffer.AsSpan(_messageLength, _directPending);
            _messageLength += _directPending;
            _frameRemaining -= _directPending;
            _directPending = 0;
            if (_frame.Masked)
                _maskOffset = Masking.Apply(direct, _frame.MaskKey, _maskOffset);
            if (_messageType == WebSocketMessageType.Text && !_utf8.TryAppend(direct))
                return Fail(FrameError.InvalidUtf8);
        }

        var available = (int)Math.Min(_frameRemaining, _readEnd - _readStart);
        if (available > 0)
        {
            var chunk = _readBuffer.AsSpan(_readStart, available);
            _readStart += available;
            _frameRemaining -= available;
            var error = _messageCompressed ? InflateChunk(chunk) : AppendChunk(chunk);
            if (error != FrameError.None)
                return Fail(error);
        }

        if (_frameRemaining > 0)
            return ReceiveStep.NeedMoreData;
        _inFrame = false;
        if (!_frame.Fin)
            return ReceiveStep.Continue;

        if (_messageCompressed)
        {
            var error = InflateMessageTail();
            if (error != FrameError.None)
                return Fail(error);
        }

        return CompleteMessage(_messageBuffer is null ? ReadOnlyMemory<byte>.Empty : _messageBuffer.AsMemory(0, _messageLength), out message);
    }

    private ReceiveStep ProcessInPlaceFrame(out WebSocketMessage message)
    {
        message = default;
        var length = (int)_frame.PayloadLength;
        var buffered = Math.Min(length, _readEnd - _readStart);
        if (buffered > _inPlaceProcessed)
        {
            // Unmask and validate what arrived, so invalid UTF-8 fails in the read that delivered it.
            var fresh = _readBuffer.AsSpan(_readStart + _inPlaceProcessed, buffered - _inPlaceProcessed);
            if (_frame.Masked)
                _maskOffset = Masking.Apply(fresh, _frame.MaskKey, _maskOffset);
            _inPlaceProcessed = buffered;
            if (_messageType == WebSocketMessageType.Text && !_utf8.TryAppend(fresh))
                return Fail(FrameError.InvalidUtf8);
        }

        if (_inPlaceProcessed < length)
            return ReceiveStep.NeedMoreData;
        var payload = _readBuffer.AsMemory(_readStart, length);
        _readStart += length;
        _frameRemaining = 0;
        _inFrame = false;
        return CompleteMessage(payload, out message);
    }

    private FrameError AppendChunk(ReadOnlySpan<byte> chunk)
    {
        EnsureMessageCapacity(_messageLength + chunk.Length);
        var destination = _messageBuffer.AsSpan(_messageLength, chunk.Length);
        if (_frame.Masked)
            _maskOffset = Masking.ApplyTo(chunk, destination, _frame.MaskKey, _maskOffset);
        else
            chunk.CopyTo(destination);
        _messageLength += chunk.Length;
        return _messageType == WebSocketMessageType.Text && !_utf8.TryAppend(destination)
            ? FrameError.InvalidUtf8
            : FrameError.None;
    }

    private ReceiveStep CompleteMessage(ReadOnlyMemory<byte> payload, out WebSocketMessage message)
    {
        message = default;
        // RFC 6455 §8.1: the whole text message must be valid UTF-8, so it may not end inside a code point.
        if (_messageType == WebSocketMessageType.Text && !_utf8.IsComplete)
            return Fail(FrameError.InvalidUtf8);
        _messageOpen = false;
        if (_messageCompressed)
        {
            EndInflate();
            _observer.Decompressed(this, (int)_messageWireLength, payload.Length);
        }

        _observer.MessageRead(this, _messageType, payload.Length, _messageCompressed);
        message = new WebSocketMessage(_messageType, payload);
        return ReceiveStep.Message;
    }

    /// <summary>Records a peer error and queues our close frame; the caller then waits for the peer's close.</summary>
    private ReceiveStep Fail(FrameError error)
    {
        _failure = error;
        _observer.ProtocolError(this, error);
        QueueLocalClose(FrameErrors.ToCloseCode(error), CloseReasonFor(error), discardPending: false);
        return ReceiveStep.Failed;
    }

    private static string CloseReasonFor(FrameError error) => error switch
    {
        FrameError.InvalidUtf8 => "invalid UTF-8 in text message",
        FrameError.InvalidCloseReason => "invalid UTF-8 in close reason",
        FrameError.InvalidCompressedData => "invalid compressed data",
        FrameError.FrameTooBig => "frame too big",
        FrameError.MessageTooBig => "message too big",
        FrameError.UnmaskedFrame => "client frames must be masked",
        FrameError.MaskedFrame => "server frames must not be masked",
        _ => "protocol error",
    };

    /// <summary>The transport ended (end of stream or I/O error) while the reader was waiting for data.</summary>
    private void OnTransportEnded()
    {
        // Without a close frame from the peer the end is abnormal (RFC 6455 §7.1.5: code 1006).
        if (IsCloseQueued)
            CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);
        else
            CompleteAbnormally(WebSocketCloseCode.AbnormalClosure, string.Empty, CloseInitiator.Remote);
    }
}
