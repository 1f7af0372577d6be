using System.Buffers;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets;

public sealed partial class WebSocketConnection
{
    // Written by whoever queues our close frame (under _sendLock) or by the reader; read after completion.
    private ushort _localCloseCode;
    private string _localCloseReason = string.Empty;
    private bool _closeReceived;               // reader: the peer's close frame arrived (valid or not)
    private ushort _peerCloseCode;
    private string _peerCloseReason = string.Empty;
    private FrameError _failure;

    /// <summary>
    /// Starts the closing handshake (RFC 6455 §7.1.2): sends a close frame after everything already queued, waits
    /// for the peer's close frame (at most <see cref="WebSocketConnectionOptions.CloseTimeout"/>, then aborts) and ends the
    /// transport. Idempotent and thread-safe: later calls just wait for the end.
    /// </summary>
    /// <param name="code">A code valid on the wire, or <see cref="WebSocketCloseCode.NoStatusReceived"/> for an empty close frame.</param>
    /// <param name="reason">UTF-8 reason, truncated to 123 bytes.</param>
    /// <param name="cancellationToken">Stops waiting; the close itself still completes in the background.</param>
    public async Task<WebSocketCloseResult> CloseAsync(ushort code = WebSocketCloseCode.NormalClosure, string? reason = null,
        CancellationToken cancellationToken = default)
    {
        if (code != WebSocketCloseCode.NoStatusReceived && !WebSocketCloseCode.IsValidOnWire(code))
            ThrowHelper.ThrowArgumentOutOfRange(nameof(code));
        if (QueueLocalClose(code, reason, discardPending: false))
            await CloseQueuedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Our close frame is queued: flush it, then wait for the peer's answer as the reader or alongside it.</summary>
    private async Task CloseQueuedAsync()
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        if (!await FlushBoundedAsync(timeout.Token).ConfigureAwait(false))
            return;

        if (_readerGate.TryEnter())
        {
            // Nobody is receiving: read the peer's close ourselves.
            try
            {
                if (!IsDisposed)
                    await DrainUntilPeerCloseAsync(timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _readerGate.Exit();
            }

            return;
        }

        // The active reader sees the close queued and drains; it completes the connection.
        try
        {
            await Completion.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);
        }
    }

    /// <summary>Reader: our close is queued (a protocol error, CloseAsync, or the outbound limit). Flush it and wait for the answer.</summary>
    private async Task WaitForPeerCloseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        if (await FlushBoundedAsync(timeout.Token).ConfigureAwait(false))
            await DrainUntilPeerCloseAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Reader: the peer sent a valid close frame. Answer it with its code (§5.5.1) unless we closed first.</summary>
    private async Task OnPeerClosedAsync()
    {
        // An empty close is answered with an empty close: 1005 may not be sent (§7.4.1).
        var weInitiated = !QueueLocalClose(_peerCloseCode, reason: null, discardPending: false);
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        if (!await FlushBoundedAsync(timeout.Token).ConfigureAwait(false))
            return;
        await FinishTransportAsync(timeout.Token).ConfigureAwait(false);
        Complete(weInitiated
            ? new WebSocketCloseResult(_localCloseCode, _localCloseReason, CloseInitiator.Local, Abnormal: false, _failure)
            : new WebSocketCloseResult(_peerCloseCode, _peerCloseReason, CloseInitiator.Remote, Abnormal: false, FrameError.None));
    }

    /// <summary>Writes what is queued within the close timeout. False when the connection ended instead.</summary>
    private async Task<bool> FlushBoundedAsync(CancellationToken timeout)
    {
        // The flush gate cannot be waited for with a timeout: when it fires, the peer does not even read, so we
        // abort, which makes the current flusher fail and pass the gate on.
        using var onTimeout = timeout.UnsafeRegister(static state => ((WebSocketConnection)state!).AbortAfterCloseTimeout(), this);
        await _flushGate.EnterAsync().ConfigureAwait(false);
        try
        {
            return !timeout.IsCancellationRequested && await FlushCoreAsync(timeout).ConfigureAwait(false) && !IsClosed;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            AbortAfterCloseTimeout();
            return false;
        }
        finally
        {
            ReleaseFlushGate();
        }
    }

    private void AbortAfterCloseTimeout() => CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);

    /// <summary>
    /// Reader: discards frames until the peer's close frame, end of stream or the timeout. Frames are delimited
    /// with lenient rules: after a protocol error only the boundaries matter (RFC 6455 §7.1.7).
    /// </summary>
    private async Task DrainUntilPeerCloseAsync(CancellationToken timeout)
    {
        try
        {
            while (!_closeReceived)
            {
                if (IsClosed)
                    return;
                if (DrainBuffered())
                    break;
                if (!await FillAsync(allowDirectRead: false, timeout).ConfigureAwait(false))
                {
                    // The peer dropped TCP without answering our close.
                    CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);
                    return;
                }
            }

            await FinishTransportAsync(timeout).ConfigureAwait(false);
            Complete(new WebSocketCloseResult(_localCloseCode, _localCloseReason, CloseInitiator.Local, Abnormal: false, _failure));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            CompleteAbnormally(_localCloseCode, _localCloseReason, CloseInitiator.Local);
        }
    }

    /// <summary>Skips buffered frames; true once the peer's close frame header has been seen.</summary>
    private bool DrainBuffered()
    {
        if (_directPending > 0)
        {
            _frameRemaining -= _directPending;
            _directPending = 0;
        }

        while (true)
        {
            if (_rawDrain)
            {
                _readStart = _readEnd;
                return false;
            }

            if (!_inFrame)
            {
                var status = FrameHeaderParser.TryParse(_readBuffer.AsSpan(_readStart, _readEnd - _readStart),
                    FrameReadRules.Lenient, messageOpen: false, 0, out var header, out var headerLength, out _);
                if (status == OperationStatus.NeedMoreData)
                    return false;
                if (status != OperationStatus.Done)
                {
                    // The length itself is undecodable: frame boundaries are lost, discard until end of stream.
                    _rawDrain = true;
                    continue;
                }

                _readStart += headerLength;
                _frame = header;
                _inFrame = true;
                _frameInPlace = false;
                _frameRemaining = header.PayloadLength;
            }

            if (_frame.Opcode == WebSocketOpcode.Close)
            {
                // The peer answered; its payload does not matter any more.
                _closeReceived = true;
                return true;
            }

            var skip = (int)Math.Min(_frameRemaining, _readEnd - _readStart);
            _readStart += skip;
            _frameRemaining -= skip;
            if (_frameRemaining > 0)
                return false;
            _inFrame = false;
        }
    }

    /// <summary>
    /// Ends the transport after the close handshake. A client first waits (bounded) for the server to close TCP,
    /// as RFC 6455 §7.1.1 asks; a server's transport ends when its HTTP request ends.
    /// </summary>
    private async Task FinishTransportAsync(CancellationToken timeout)
    {
        if (_transport.WaitsForPeerToCloseFirst)
        {
            try
            {
                while (await _stream.ReadAsync(_readBuffer, timeout).ConfigureAwait(false) > 0)
                {
                    // Discard: nothing after the close frame has meaning (§5.5.1).
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException || IsTransportFailure(exception, default))
            {
                // Timed out or already gone: close our side anyway.
            }

            _readStart = _readEnd = 0;
        }

        try
        {
            await _transport.CloseAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception, default))
        {
            // Already closed by the peer.
        }
    }

    private void CompleteAbnormally(ushort code, string reason, CloseInitiator initiator)
    {
        if (IsClosed)
            return;
        Complete(new WebSocketCloseResult(code, reason, initiator, Abnormal: true, _failure));
        _transport.Abort();
    }
}
