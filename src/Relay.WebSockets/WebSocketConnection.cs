using System.Net;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;

namespace Relay.WebSockets;

/// <summary>
/// An open WebSocket connection (RFC 6455) on our own codec, in server or client role. Created by
/// <c>WebSocketAcceptor.AcceptAsync</c> (server) or <c>WebSocketClient.ConnectAsync</c> (client).
/// </summary>
/// <remarks>
/// <para>Thread-safety contract:</para>
/// <list type="bullet">
/// <item>One reader at a time: <see cref="ReceiveAsync"/> must not be called again before the previous call
/// completed. The reader also answers pings and close frames, so keep one receive loop running.</item>
/// <item>Writes from any thread: <see cref="TryWrite"/>, <see cref="SendAsync"/>, <see cref="FlushAsync"/>
/// and <see cref="SendPingAsync"/> are serialised internally; frames never interleave. A single writer (the
/// relay's writer actor) that writes several messages and flushes once gets them coalesced into one write.</item>
/// <item><see cref="CloseAsync"/>, <see cref="Abort"/> and <see cref="DisposeAsync"/> are idempotent and safe from any thread.</item>
/// </list>
/// <para>Server role: the HTTP request that was upgraded must stay running until <see cref="Completion"/>
/// completes, and should end promptly after it: ending the request is what closes TCP (the server closes first,
/// RFC 6455 §7.1.1).</para>
/// </remarks>
public sealed partial class WebSocketConnection : IAsyncDisposable
{
    private readonly WebSocketTransport _transport;
    private readonly Stream _stream;
    private readonly bool _isServer;
    private readonly WebSocketConnectionOptions _options;
    private readonly IWebSocketObserver _observer;
    private readonly TimeProvider _time;
    private readonly PerMessageDeflateParameters? _deflate;
    private readonly FrameReadRules _rules;

    // Completion: set once, by whichever path ends the connection first.
    private readonly TaskCompletionSource<WebSocketCloseResult> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completed;
    private int _disposed;
    private long _lastPongTimestamp;

    internal WebSocketConnection(WebSocketTransport transport, bool isServer, WebSocketConnectionOptions options,
        PerMessageDeflateParameters? deflate, string? subProtocol, IWebSocketObserver? observer, TimeProvider? time,
        ReadOnlySpan<byte> bufferedInput = default)
    {
        options.Validate();
        _transport = transport;
        _stream = transport.Stream;
        _isServer = isServer;
        _options = options;
        _observer = observer ?? WebSocketObserver.None;
        _time = time ?? TimeProvider.System;
        _deflate = deflate;
        SubProtocol = subProtocol;
        _rules = new FrameReadRules(
            ExpectMasked: isServer,
            AllowedReservedBits: deflate.HasValue ? FrameHeader.Rsv1 : (byte)0,
            MaxFrameSize: options.MaxFrameSize,
            MaxMessageSize: options.MaxMessageSize);
        InitializeReader(bufferedInput);
    }

    /// <summary>True for the server role (expects masked frames, sends unmasked ones).</summary>
    public bool IsServer => _isServer;

    /// <summary>The peer's address, when known.</summary>
    public EndPoint? RemoteEndPoint => _transport.RemoteEndPoint;

    /// <summary>The subprotocol agreed in the handshake (Sec-WebSocket-Protocol), or null.</summary>
    public string? SubProtocol { get; }

    /// <summary>The permessage-deflate parameters agreed in the handshake, or null when not negotiated.</summary>
    public PerMessageDeflateParameters? Compression => _deflate;

    /// <summary>The limits this connection enforces.</summary>
    public WebSocketConnectionOptions Options => _options;

    /// <summary>Completes once, when the connection has ended, telling how. Never faults.</summary>
    public Task<WebSocketCloseResult> Completion => _completion.Task;

    /// <summary>Whether the connection has ended (<see cref="Completion"/> is complete).</summary>
    public bool IsClosed => Volatile.Read(ref _completed) != 0;

    /// <summary>Bytes queued or being written but not yet handed to the transport; bounded by <see cref="WebSocketConnectionOptions.MaxPendingOutboundBytes"/>.</summary>
    public long PendingOutboundBytes
    {
        get
        {
            lock (_sendLock)
                return _pendingLength + Volatile.Read(ref _inflightBytes);
        }
    }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last pong received, or 0 when none arrived yet.</summary>
    public long LastPongTimestamp => Volatile.Read(ref _lastPongTimestamp);

    /// <summary>
    /// Raised by the reader when a pong arrives. The payload is valid only during the call. Handlers must be
    /// quick and must not call <see cref="ReceiveAsync"/>.
    /// </summary>
    public event PongHandler? PongReceived;

    /// <summary>Drops the transport at once without a close handshake. The connection completes as abnormal (1006). Idempotent.</summary>
    public void Abort() => AbortCore(CloseInitiator.Local, FrameError.None);

    /// <summary>Aborts if still open, waits for the reader and writer to stop, and returns pooled buffers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        AbortCore(CloseInitiator.Local, FrameError.None);
        // The transport is aborted, so a pending read or write fails promptly and releases its gate. Once the
        // buffers are back in the pool the gates are released again: later calls see _disposed and do nothing.
        await _readerGate.EnterAsync().ConfigureAwait(false);
        await _flushGate.EnterAsync().ConfigureAwait(false);
        ReleaseReaderResources();
        ReleaseWriterResources();
        _flushGate.Exit();
        _readerGate.Exit();
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private void AbortCore(CloseInitiator initiator, FrameError error)
    {
        if (IsClosed)
            return;
        // Record the outcome before aborting: the reader wakes up from the abort and must not report it as the peer's doing.
        Complete(new WebSocketCloseResult(WebSocketCloseCode.AbnormalClosure, string.Empty, initiator, Abnormal: true, error));
        _transport.Abort();
    }

    /// <summary>Records the end of the connection once: the first caller wins.</summary>
    private void Complete(WebSocketCloseResult result)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return;
        lock (_sendLock)
            _closeQueued = true; // nothing more may be written
        _observer.Closed(this, result);
        _completion.TrySetResult(result);
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken callerToken) =>
        exception switch
        {
            OperationCanceledException => !callerToken.IsCancellationRequested,
            IOException or ObjectDisposedException or System.Net.Sockets.SocketException => true,
            // Kestrel reports reads and writes on a request that has already ended this way.
            InvalidOperationException => true,
            _ => false,
        };
}
