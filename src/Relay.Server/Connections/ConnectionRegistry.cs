using System.Collections.Concurrent;

namespace Relay.Server.Connections;

/// <summary>The open connections: for graceful shutdown (refuse new ones, close the open ones with 1001) and for the
/// liveness sweep.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ConnectionRegistry
{
    /// <summary>Close reason sent with 1001 when the relay shuts down.</summary>
    public const string ShutdownReason = "relay shutting down";

    private readonly ConcurrentDictionary<long, ConnectionContext> _open = new();
    private long _nextId;
    private volatile bool _draining;

    /// <summary>True once shutdown began: the endpoint refuses new upgrades with 503.</summary>
    public bool IsDraining => _draining;

    public int Count => _open.Count;

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>The open connections, enumerated live (no snapshot is copied; a connection added or removed meanwhile
    /// may or may not be seen).</summary>
    public IEnumerable<ConnectionContext> Open
    {
        get
        {
            foreach (var (_, connection) in _open)
                yield return connection;
        }
    }

    public void Add(ConnectionContext connection) => _open[connection.Id] = connection;

    public void Remove(long id) => _open.TryRemove(id, out _);

    public void StartDraining() => _draining = true;

    /// <summary>
    /// Sends every open connection a Close frame with <paramref name="code"/> and waits for the handshakes, at most
    /// <paramref name="timeout"/> (each connection also bounds its own wait by its close timeout, then drops TCP).
    /// </summary>
    public async Task CloseAllAsync(ushort code, string reason, TimeSpan timeout)
    {
        var closes = _open.Values.Select(c => c.Connection.CloseAsync(code, reason)).ToArray();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Task.WhenAll(closes).WaitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Bounded wait: whoever has not answered is aborted below.
        }

        foreach (var connection in _open.Values)
            connection.Connection.Abort();
    }
}
