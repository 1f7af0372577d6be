namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Read connections for any thread: rented for one operation (a lookup, a query cursor's lifetime, an export
/// chunk) and returned. Opening a connection costs a file open and pragmas, so up to
/// <see cref="EventStoreOptions.MaxIdleReaders"/> idle ones are kept; more are opened under load and closed on return.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class ReaderPool(EventStoreOptions options) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Stack<ReadConnection> _idle = new();
    private bool _disposed;

    public ReadConnection Rent()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var connection))
            {
                return connection;
            }
        }

        return new ReadConnection(options);
    }

    public void Return(ReadConnection connection)
    {
        // A connection left inside a transaction (an exception mid-query) is closed rather than reused.
        if (connection.IsIdle)
        {
            lock (_lock)
            {
                if (!_disposed && _idle.Count < options.MaxIdleReaders)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_idle.TryPop(out var connection))
            {
                connection.Dispose();
            }
        }
    }
}
