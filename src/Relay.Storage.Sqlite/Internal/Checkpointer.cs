using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// Copies the WAL back into the database file (a PASSIVE checkpoint) on its own connection and its own
/// thread, so the writer's commits never wait for it.
/// </summary>
/// <remarks>
/// <para>Why: SQLite's automatic checkpoint runs inside the commit that crosses its threshold, on the committing
/// thread, and includes an fsync of the database file. With seven indexes an event dirties about five random
/// pages, so checkpoints every 4 MiB (the default) made a 1,000-event batch cost 269 µs per event instead of
/// 99 µs with this thread (measured back to back, docs/benchmarks.md). A PASSIVE checkpoint runs alongside the
/// writer and readers without blocking either.</para>
/// <para>Failures (an I/O error) are kept in <see cref="LastError"/> and not thrown: the data is safe in the WAL,
/// and the writer's own backstop checkpoint reports a persistent failure through <c>WriteBatch</c>.</para>
/// <para>Thread-safe: <see cref="Request"/> may be called from any thread.</para>
/// </remarks>
internal sealed class Checkpointer : IDisposable
{
    private const int CheckpointPassive = 0;   // SQLITE_CHECKPOINT_PASSIVE
    private const int SqliteOk = 0;
    private const int SqliteBusy = 5;          // another checkpoint is running: it does the work

    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread _thread;
    private volatile bool _stopping;
    private long _completed;

    public Checkpointer(EventStoreOptions options)
    {
        _connection = Connections.OpenWriter(options);
        _db = _connection.Handle ?? ThrowHelper.ThrowInvalidOperation<sqlite3>("The checkpoint connection is not open.");

        // A dedicated thread: a checkpoint blocks on disk I/O for tens of milliseconds, which does not belong on
        // the thread pool the relay's actors run on.
        _thread = new Thread(Run) { IsBackground = true, Name = "relay-sqlite-checkpoint" };
        _thread.Start();
    }

    /// <summary>Checkpoints that ran to completion (for tests and diagnostics).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>The last checkpoint failure, or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>Asks for a checkpoint soon; requests made while one runs fold into the next.</summary>
    public void Request() => _wake.Set();

    /// <summary>Runs a PASSIVE checkpoint on <paramref name="db"/> (any connection of the database).</summary>
    /// <returns>True when it ran; false when another checkpoint was already running.</returns>
    public static bool Checkpoint(sqlite3 db)
    {
        var rc = raw.sqlite3_wal_checkpoint_v2(db, "main", CheckpointPassive, out _, out _);
        if (rc == SqliteBusy)
        {
            return false;
        }

        if (rc != SqliteOk)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return true;
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _thread.Join();
        _connection.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            _wake.WaitOne();
            if (_stopping)
            {
                return;
            }

            try
            {
                if (Checkpoint(_db))
                {
                    Interlocked.Increment(ref _completed);
                    LastError = null;
                }
            }
            catch (SqliteException e)
            {
                LastError = e.Message;
            }
        }
    }
}
