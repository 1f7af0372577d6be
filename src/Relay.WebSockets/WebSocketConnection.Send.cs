using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Compression.Internal;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets;

public sealed partial class WebSocketConnection
{
    private const int MaxHeaderLength = FrameHeaderParser.MaxHeaderLength;

    // Writer state. Appends happen under _sendLock (any thread); one flusher at a time holds _flushGate and
    // writes what was appended, so frames from concurrent writers never interleave and are coalesced.
    private readonly Lock _sendLock = new();
    private readonly AsyncGate _flushGate = new();
    private byte[]? _pending;         // frames not yet handed to the transport; rented, returned by the flusher
    private int _pendingLength;
    private long _inflightBytes;      // bytes the flusher is writing now
    private int _flushRequested;      // a non-blocking flush request arrived while another flush ran
    private volatile bool _writeFailed;
    private bool _closeQueued;        // our close frame is queued (or the connection ended): no more data frames
    private Deflater? _deflater;      // owned only with our context takeover; otherwise rented per message
    private byte[]? _maskKeys;        // client: CSPRNG output consumed 4 bytes per frame (RFC 6455 §5.3)
    private int _maskKeyPosition;

    private bool IsCloseQueued => Volatile.Read(ref _closeQueued);

    /// <summary>
    /// Queues one whole message (a single frame, compressed when negotiated and at least
    /// <see cref="WebSocketConnectionOptions.CompressionThreshold"/> bytes) without doing I/O; <see cref="FlushAsync"/> sends
    /// everything queued in one write. The payload is copied before this returns.
    /// </summary>
    /// <returns>
    /// False when nothing was queued: the connection is closing or closed, or the message would push
    /// <see cref="PendingOutboundBytes"/> past <see cref="WebSocketConnectionOptions.MaxPendingOutboundBytes"/>; in that
    /// case the observer is told and the connection closes with 1008.
    /// </returns>
    public bool TryWrite(ReadOnlySpan<byte> payload, WebSocketMessageType type) =>
        AppendMessage(payload, type, takeForWriting: false, out _, out _);

    /// <summary>Queues a message and flushes: <see cref="TryWrite"/> then <see cref="FlushAsync"/>.</summary>
    /// <returns>False when the message was not sent (see <see cref="TryWrite"/>) or the transport failed.</returns>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken = default)
    {
        if (!_flushGate.TryEnter())
            return TryWrite(payload.Span, type) ? FlushAsync(cancellationToken) : new ValueTask<bool>(false);

        // Uncontended, so we are the flusher: append and take the buffer under one lock, then write it.
        byte[]? buffer;
        int length;
        try
        {
            if (!AppendMessage(payload.Span, type, takeForWriting: true, out buffer, out length))
            {
                ReleaseFlushGate();
                return new ValueTask<bool>(false);
            }
        }
        catch
        {
            ReleaseFlushGate();
            throw;
        }

        return ReleaseWhenFlushed(FlushCoreAsync(cancellationToken, buffer, length));
    }

    /// <summary>Appends one message under the send lock; with <paramref name="takeForWriting"/> also takes everything pending for the caller, who holds the flush gate.</summary>
    private bool AppendMessage(ReadOnlySpan<byte> payload, WebSocketMessageType type, bool takeForWriting, out byte[]? taken, out int takenLength)
    {
        if (type is not (WebSocketMessageType.Text or WebSocketMessageType.Binary))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(type));

        taken = null;
        takenLength = 0;
        long pending;
        int compressedLength;
        lock (_sendLock)
        {
            if (_closeQueued)
                return false;
            pending = _pendingLength + Volatile.Read(ref _inflightBytes) + payload.Length + MaxHeaderLength;
            compressedLength = pending > _options.MaxPendingOutboundBytes ? -2 : AppendMessageLocked(payload, type);
            if (takeForWriting && compressedLength != -2)
                TakePendingLocked(out taken, out takenLength);
        }

        if (compressedLength == -2)
        {
            OnOutboundLimitExceeded(pending);
            return false;
        }

        var opcode = type == WebSocketMessageType.Text ? WebSocketOpcode.Text : WebSocketOpcode.Binary;
        var compressed = compressedLength >= 0;
        _observer.FrameWritten(this, opcode, compressed ? compressedLength : payload.Length);
        _observer.MessageWritten(this, type, payload.Length, compressed);
        if (compressed)
            _observer.Compressed(this, payload.Length, compressedLength);
        return true;
    }

    /// <summary>Hands everything pending to the flusher (under <see cref="_sendLock"/>).</summary>
    private void TakePendingLocked(out byte[]? buffer, out int length)
    {
        Volatile.Write(ref _flushRequested, 0);
        buffer = _pending;
        length = _pendingLength;
        _pending = null;
        _pendingLength = 0;
        Volatile.Write(ref _inflightBytes, length);
    }

    /// <summary>Sends a ping (RFC 6455 §5.5.2). The answer is reported through <see cref="PongReceived"/> by the reader.</summary>
    /// <param name="payload">At most 125 bytes (application data the pong echoes).</param>
    /// <param name="cancellationToken">Cancels waiting for the write.</param>
    public ValueTask<bool> SendPingAsync(ReadOnlyMemory<byte> payload = default, CancellationToken cancellationToken = default)
    {
        if (payload.Length > FrameHeaderParser.MaxControlPayloadLength)
            ThrowHelper.ThrowArgumentOutOfRange(nameof(payload));
        return TryQueueControl(WebSocketOpcode.Ping, payload.Span) ? FlushAsync(cancellationToken) : new ValueTask<bool>(false);
    }

    /// <summary>Writes everything queued so far to the transport, in one write.</summary>
    /// <param name="cancellationToken">Cancelling aborts the connection: a half-written frame cannot be resumed.</param>
    /// <returns>True when everything queued has been written; false when the transport failed or closed.</returns>
    public ValueTask<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (!_flushGate.TryEnter())
            return FlushContendedAsync(cancellationToken);

        ValueTask<bool> flush;
        try
        {
            flush = FlushCoreAsync(cancellationToken);
        }
        catch
        {
            ReleaseFlushGate();
            throw;
        }

        return ReleaseWhenFlushed(flush);
    }

    /// <summary>Releases the flush gate when <paramref name="flush"/> ends; without a state machine when it already has.</summary>
    private ValueTask<bool> ReleaseWhenFlushed(ValueTask<bool> flush)
    {
        if (!flush.IsCompletedSuccessfully)
            return ReleaseAfterAsync(flush);
        var written = flush.Result; // completed: reading the result does not block
        ReleaseFlushGate();
        return new ValueTask<bool>(written);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReleaseAfterAsync(ValueTask<bool> flush)
    {
        try
        {
            return await flush.ConfigureAwait(false);
        }
        finally
        {
            ReleaseFlushGate();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FlushContendedAsync(CancellationToken cancellationToken)
    {
        // Waiting for the gate cannot be cancelled; cancelling aborts the connection instead, which makes the
        // current flusher fail and pass the gate on.
        using (cancellationToken.UnsafeRegister(static state => ((WebSocketConnection)state!).Abort(), this))
            await _flushGate.EnterAsync().ConfigureAwait(false);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await FlushCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReleaseFlushGate();
        }
    }

    /// <summary>
    /// Writes until nothing is pending, starting with <paramref name="taken"/> when the caller already took the
    /// pending buffer. The caller holds <see cref="_flushGate"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FlushCoreAsync(CancellationToken cancellationToken, byte[]? taken = null, int takenLength = 0)
    {
        while (true)
        {
            byte[]? buffer = taken;
            var length = takenLength;
            taken = null;
            if (buffer is null)
            {
                lock (_sendLock)
                {
                    if (IsDisposed)
                        return false;
                    TakePendingLocked(out buffer, out length);
                }
            }

            if (buffer is null || length == 0)
            {
                if (buffer is not null)
                    ArrayPool<byte>.Shared.Return(buffer);
                return !_writeFailed && !IsDisposed;
            }

            try
            {
                await _stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransportFailure(exception, cancellationToken))
            {
                OnTransportFailedWhileWriting();
                return false;
            }
            catch (OperationCanceledException)
            {
                AbortCore(CloseInitiator.Local, FrameError.None);
                throw;
            }
            finally
            {
                Volatile.Write(ref _inflightBytes, 0);
                ArrayPool<byte>.Shared.Return(buffer);
            }

            // Appended while we wrote? Their writer flushes them itself (it waits for this gate), and requests from
            // the reader are caught by ReleaseFlushGate, so a plain read suffices to decide whether to go round.
            if (Volatile.Read(ref _pendingLength) == 0)
                return !_writeFailed;
        }
    }

    /// <summary>
    /// The smallest pending buffer rented: 4 KiB holds typical Nostr traffic (events of a few hundred bytes,
    /// coalesced) in one buffer. Written buffers go straight back to the pool rather than being kept per
    /// connection, so an idle connection holds no send buffer (a pool round trip costs tens of nanoseconds).
    /// </summary>
    private const int MinimumPendingBufferSize = 4096;

    private void ReleaseFlushGate()
    {
        _flushGate.Exit();
        // A pong or close queued by ScheduleFlush while we were finishing: flush it now.
        if (Volatile.Read(ref _flushRequested) != 0)
            ScheduleFlush();
    }

    /// <summary>Flushes without waiting: used by the reader (pongs), which must never block behind a slow writer.</summary>
    private void ScheduleFlush()
    {
        Volatile.Write(ref _flushRequested, 1);
        if (_flushGate.TryEnter())
            _ = FlushInBackgroundAsync();
        // Otherwise the flusher holding the gate sees the request in ReleaseFlushGate.
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await FlushCoreAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            ReleaseFlushGate();
        }
    }

    private void OnTransportFailedWhileWriting()
    {
        _writeFailed = true;
        if (IsCloseQueued)
            CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);
        else
            CompleteAbnormally(WebSocketCloseCode.AbnormalClosure, string.Empty, CloseInitiator.Remote);
    }

    private void OnOutboundLimitExceeded(long pendingBytes)
    {
        _observer.OutboundLimitExceeded(this, pendingBytes);
        // The backlog is dropped: the peer is not keeping up, and the close frame should not wait behind it.
        if (QueueLocalClose(WebSocketCloseCode.PolicyViolation, "outbound buffer limit exceeded", discardPending: true))
            _ = CloseQueuedAsync();
    }

    private void QueuePong(ReadOnlySpan<byte> payload)
    {
        if (TryQueueControl(WebSocketOpcode.Pong, payload))
            ScheduleFlush();
    }

    private bool TryQueueControl(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        long pending;
        lock (_sendLock)
        {
            if (_closeQueued)
                return false;
            // Pongs count against the limit too: a peer that pings but never reads must not grow our buffer.
            pending = _pendingLength + Volatile.Read(ref _inflightBytes) + payload.Length + MaxHeaderLength;
            if (pending <= _options.MaxPendingOutboundBytes)
                AppendFrameLocked(opcode, payload);
        }

        if (pending > _options.MaxPendingOutboundBytes)
        {
            OnOutboundLimitExceeded(pending);
            return false;
        }

        _observer.FrameWritten(this, opcode, payload.Length);
        return true;
    }

    /// <summary>Queues our close frame once. False when a close was already queued or the connection ended.</summary>
    private bool QueueLocalClose(ushort code, string? reason, bool discardPending)
    {
        Span<byte> payload = stackalloc byte[FrameHeaderParser.MaxControlPayloadLength];
        var length = ClosePayload.Write(payload, code, reason);
        lock (_sendLock)
        {
            if (_closeQueued)
                return false;
            _closeQueued = true;
            _localCloseCode = code;
            _localCloseReason = reason ?? string.Empty;
            if (discardPending)
                _pendingLength = 0;
            AppendFrameLocked(WebSocketOpcode.Close, payload[..length]);
        }

        _observer.FrameWritten(this, WebSocketOpcode.Close, length);
        return true;
    }

    /// <summary>Appends a data message; returns the compressed payload length, or -1 when sent uncompressed.</summary>
    private int AppendMessageLocked(ReadOnlySpan<byte> payload, WebSocketMessageType type)
    {
        var opcode = type == WebSocketMessageType.Text ? WebSocketOpcode.Text : WebSocketOpcode.Binary;
        if (_deflate is { } parameters && payload.Length >= _options.CompressionThreshold)
        {
            var compressedLength = AppendCompressedLocked(payload, opcode, parameters);
            if (compressedLength >= 0)
                return compressedLength;
        }

        AppendFrameLocked(opcode, payload);
        return -1;
    }

    private void AppendFrameLocked(WebSocketOpcode opcode, ReadOnlySpan<byte> payload)
    {
        var masked = !_isServer;
        var headerLength = FrameWriter.GetHeaderLength(payload.Length, masked);
        var frame = ReservePendingLocked(headerLength + payload.Length);
        var maskKey = masked ? NextMaskKey() : 0;
        FrameWriter.WriteHeader(frame, fin: true, 0, opcode, payload.Length, masked, maskKey);
        if (masked)
            Masking.ApplyTo(payload, frame[headerLength..], maskKey, 0);
        else
            payload.CopyTo(frame[headerLength..]);
        _pendingLength += headerLength + payload.Length;
    }

    /// <summary>RFC 7692 §7.2.1: compress, strip the 00 00 FF FF tail, set RSV1. Returns -1 to send uncompressed instead.</summary>
    private int AppendCompressedLocked(ReadOnlySpan<byte> payload, WebSocketOpcode opcode, PerMessageDeflateParameters parameters)
    {
        var settings = _options.PerMessageDeflate ?? new PerMessageDeflateOptions();
        var keepContext = !(_isServer ? parameters.ServerNoContextTakeover : parameters.ClientNoContextTakeover);
        var windowBits = _isServer ? parameters.ServerMaxWindowBits : parameters.ClientMaxWindowBits;
        var masked = !_isServer;
        var reservedHeader = FrameWriter.GetHeaderLength(long.MaxValue, masked);
        var frame = ReservePendingLocked(reservedHeader + Deflater.MaxCompressedLength(payload.Length));

        var deflater = keepContext
            ? _deflater ??= new Deflater(settings.CompressionLevel, windowBits, settings.MemoryLevel)
            : ZStreamPool.RentDeflater(settings.CompressionLevel, windowBits, settings.MemoryLevel);
        int compressedLength;
        try
        {
            compressedLength = deflater.Compress(payload, frame[reservedHeader..]);
        }
        finally
        {
            if (!keepContext)
                ZStreamPool.Return(deflater, settings.CompressionLevel, windowBits, settings.MemoryLevel);
        }

        // RFC 7692 §6: each message may go uncompressed. Only without shared context, though: with it the
        // peer's window must see exactly what our deflater saw.
        if (!keepContext && compressedLength >= payload.Length)
            return -1;

        var headerLength = FrameWriter.GetHeaderLength(compressedLength, masked);
        frame.Slice(reservedHeader, compressedLength).CopyTo(frame[headerLength..]);
        var maskKey = masked ? NextMaskKey() : 0;
        FrameWriter.WriteHeader(frame, fin: true, FrameHeader.Rsv1, opcode, compressedLength, masked, maskKey);
        if (masked)
            Masking.Apply(frame.Slice(headerLength, compressedLength), maskKey, 0);
        _pendingLength += headerLength + compressedLength;
        return compressedLength;
    }

    private Span<byte> ReservePendingLocked(int length)
    {
        var needed = _pendingLength + length;
        if (_pending is null || _pending.Length < needed)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumPendingBufferSize, (_pending?.Length ?? 0) * 2)));
            if (_pending is not null)
            {
                _pending.AsSpan(0, _pendingLength).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(_pending);
            }

            _pending = grown;
        }

        return _pending.AsSpan(_pendingLength, length);
    }

    /// <summary>A fresh, unpredictable key per frame (RFC 6455 §5.3), drawn from a CSPRNG 16 keys at a time.</summary>
    private uint NextMaskKey()
    {
        if (_maskKeys is null || _maskKeyPosition == _maskKeys.Length)
        {
            _maskKeys ??= new byte[64];
            RandomNumberGenerator.Fill(_maskKeys);
            _maskKeyPosition = 0;
        }

        var key = BinaryPrimitives.ReadUInt32LittleEndian(_maskKeys.AsSpan(_maskKeyPosition));
        _maskKeyPosition += 4;
        return key;
    }

    private void ReleaseWriterResources()
    {
        lock (_sendLock)
        {
            if (_pending is not null)
            {
                ArrayPool<byte>.Shared.Return(_pending);
                _pending = null;
                _pendingLength = 0;
            }

            _deflater?.Dispose();
            _deflater = null;
        }
    }
}
