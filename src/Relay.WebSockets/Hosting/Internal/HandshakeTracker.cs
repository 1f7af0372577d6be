using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Relay.WebSockets.Hosting.Internal;

/// <summary>
/// Per-connection handshake deadline. While it runs, the tracker is registered under Kestrel's connection id, which
/// the HTTP side reads from <c>HttpContext.Connection.Id</c>; once a request arrives (or the deadline fires) it is
/// unregistered and its timer released. A connection that ends before sending a request is unregistered when its
/// deadline passes, without being reported as timed out.
/// </summary>
/// <remarks>
/// Not stored in the connection's features: an extra connection feature costs Kestrel a list per connection for
/// the connection's whole life, and a WebSocket connection lives for hours after its handshake.
/// Thread-safe: the timer callback and the request race through one compare-exchange.
/// </remarks>
internal sealed class HandshakeTracker
{
    private const int Waiting = 0;
    private const int RequestReceived = 1;
    private const int TimedOut = 2;

    /// <summary>Trackers still waiting, by connection id (Kestrel's ids are unique within the process).</summary>
    private static readonly ConcurrentDictionary<string, HandshakeTracker> Pending = new(StringComparer.Ordinal);

    private readonly ConnectionContext _connection;
    private readonly IWebSocketObserver _observer;
    private ITimer? _timer;
    private int _state;

    private HandshakeTracker(ConnectionContext connection, IWebSocketObserver observer)
    {
        _connection = connection;
        _observer = observer;
    }

    /// <summary>Starts the deadline of a connection just accepted.</summary>
    public static void Start(ConnectionContext connection, WebSocketServerOptions options)
    {
        var tracker = new HandshakeTracker(connection, options.Observer);
        Pending[connection.ConnectionId] = tracker;
        tracker._timer = options.TimeProvider.CreateTimer(static state => ((HandshakeTracker)state!).OnTimeout(), tracker,
            options.Connection.HandshakeTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A complete request reached the application on connection <paramref name="connectionId"/>: its deadline
    /// no longer applies. No effect for a connection without a running deadline.</summary>
    public static void MarkRequestReceived(string connectionId)
    {
        if (Pending.TryRemove(connectionId, out var tracker) &&
            Interlocked.CompareExchange(ref tracker._state, RequestReceived, Waiting) == Waiting)
            tracker.ReleaseTimer();
    }

    private void OnTimeout()
    {
        if (Interlocked.CompareExchange(ref _state, TimedOut, Waiting) != Waiting)
            return;
        Pending.TryRemove(new KeyValuePair<string, HandshakeTracker>(_connection.ConnectionId, this));
        ReleaseTimer();
        if (_connection.ConnectionClosed.IsCancellationRequested)
            return;   // the client left without a request: nothing timed out
        _observer.HandshakeTimedOut(_connection.RemoteEndPoint);
        _connection.Abort(new ConnectionAbortedException("The WebSocket opening handshake was not completed in time."));
    }

    private void ReleaseTimer() => Interlocked.Exchange(ref _timer, null)?.Dispose();
}
