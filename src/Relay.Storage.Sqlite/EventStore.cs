using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

/// <summary>
/// The relay's durable event store: one SQLite database in WAL mode holding events as their canonical JSON
/// plus indexed columns, with NIP-01 replacement, NIP-09 deletion and NIP-40 expiration rules applied on write.
/// </summary>
/// <remarks>
/// <para><b>Threads.</b> Reads (<see cref="Contains"/>, <see cref="PreCheck"/>, <see cref="OpenQuery"/>,
/// <see cref="Count"/>, <see cref="Export"/>, <see cref="BackupTo"/>, <see cref="GetStats"/>) are thread-safe:
/// each takes a read connection from an internal pool and gives it back. Writes go through the single
/// <see cref="EventWriter"/> from <see cref="OpenWriter"/>, which is not thread-safe and is meant for one
/// dedicated thread. WAL lets readers and the writer run at the same time without blocking each other.</para>
/// <para><b>Lifetime.</b> Dispose the writer and every cursor, then the store, after all users have stopped.</para>
/// </remarks>
public sealed partial class EventStore : IDisposable
{
    /// <summary>
    /// Most index streams one query opens across all its filters. 1,024: each open stream is a prepared
    /// statement holding a b-tree cursor (a few KiB), so a REQ of 50 filters cannot hold thousands of them;
    /// filters share it evenly (<see cref="EventStoreOptions.MaxStreamsPerFilter"/> caps each).
    /// </summary>
    public const int MaxStreamsPerQuery = 1024;

    private readonly ReaderPool _readers;
    private int _writerOpen;
    private bool _disposed;

    private EventStore(EventStoreOptions options)
    {
        Options = options;
        _readers = new ReaderPool(options);
    }

    /// <summary>The options the store was opened with.</summary>
    public EventStoreOptions Options { get; }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Options.DatabasePath;

    /// <summary>
    /// Opens (creating the directory and file when missing) and migrates the database: WAL mode, schema at
    /// the current <c>user_version</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="InvalidOperationException">The database was written by a newer relay (higher schema version).</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The file cannot be opened or is not a database.</exception>
    public static EventStore Open(EventStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Directory.CreateDirectory(options.DataDirectory);

        // The first connection sets WAL (stored in the file) and migrates; the writer opens its own later.
        using (var setup = Connections.OpenWriter(options))
        {
            Schema.Migrate(setup);
        }

        return new EventStore(options);
    }

    /// <summary>
    /// Opens the single writer. Only one writer may be open at a time: SQLite allows one writing transaction,
    /// and one batching writer is what makes <c>OK</c>-after-commit cheap.
    /// </summary>
    /// <exception cref="InvalidOperationException">A writer is already open.</exception>
    public EventWriter OpenWriter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _writerOpen, 1) != 0)
        {
            ThrowHelper.ThrowInvalidOperation("A writer is already open on this store; dispose it first.");
        }

        try
        {
            return new EventWriter(this, Connections.OpenWriter(Options));
        }
        catch
        {
            Volatile.Write(ref _writerOpen, 0);
            throw;
        }
    }

    /// <summary>Closes idle read connections. The writer and cursors must have been disposed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readers.Dispose();
    }

    internal void WriterClosed() => Volatile.Write(ref _writerOpen, 0);

    private ReadConnection RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _readers.Rent();
    }
}
