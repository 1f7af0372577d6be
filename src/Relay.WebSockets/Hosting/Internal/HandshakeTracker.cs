using Microsoft.AspNetCore.Connections;

namespace Relay.WebSockets.Hosting.Internal;

/// <summary>
/// Per-connection handshake deadline, stored in the connection's features. Kestrel's HttpContext falls back to
/// connection features, so the HTTP side finds it with <c>context.Features.Get&lt;HandshakeTracker&gt;()</c>.
/// </summary>
/// <remarks>Thread-safe: the timer callback and the request race through one compare-exchange.</remarks>
internal sealed class HandshakeTracker : IDisposable
{
    private const int Waiting = 0;
    private const int RequestReceived = 1;
    private const int TimedOut = 2;

    private readonly ConnectionContext _connection;
    private readonly IWebSocketObserver _observer;
    private readonly ITimer _timer;
    private int _state;

    public HandshakeTracker(ConnectionContext connection, WebSocketServerOptions options)
    {
        _connection = connection;
        _observer = options.Observer;
        _timer = options.TimeProvider.CreateTimer(static state => ((HandshakeTracker)state!).OnTimeout(), this,
            options.Connection.HandshakeTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether the timer fired before a request arrived.</summary>
    public bool HasTimedOut => Volatile.Read(ref _state) == TimedOut;

    /// <summary>A complete request reached the application: the deadline no longer applies.</summary>
    public void MarkRequestReceived()
    {
        if (Interlocked.CompareExchange(ref _state, RequestReceived, Waiting) == Waiting)
            _timer.Dispose();
    }

    private void OnTimeout()
    {
        if (Interlocked.CompareExchange(ref _state, TimedOut, Waiting) != Waiting)
            return;
        _observer.HandshakeTimedOut(_connection.RemoteEndPoint);
        _connection.Abort(new ConnectionAbortedException("The WebSocket opening handshake was not completed in time."));
    }

    public void Dispose() => _timer.Dispose();
}
