using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>Opens the writer and reader connections with their pragmas, each justified here once.</summary>
internal static class Connections
{
    /// <summary>
    /// After a checkpoint resets the WAL, SQLite truncates the file to this size instead of keeping it at
    /// its high-water mark. 64 MiB: a burst of large batches may grow the WAL far beyond the 4 MiB
    /// auto-checkpoint threshold (while a long read pins it); the space is handed back once it drains.
    /// </summary>
    private const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>Opens the single read-write connection: WAL, the chosen synchronous mode, writer cache.</summary>
    public static SqliteConnection OpenWriter(EventStoreOptions options)
    {
        var connection = Open(options, SqliteOpenMode.ReadWriteCreate);
        try
        {
            // WAL: readers never block the writer nor each other, and a commit is one sequential append
            // (https://sqlite.org/wal.html). The mode is stored in the file; setting it again is a no-op.
            var mode = Schema.ExecuteScalar(connection, "PRAGMA journal_mode = WAL") as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                ThrowHelper.ThrowInvalidOperation($"SQLite refused WAL mode for {options.DatabasePath} (journal_mode is '{mode}').");
            }

            Pragma(connection, "synchronous", options.Synchronous == SynchronousMode.Full ? "FULL" : "NORMAL");

            // Tag rows are deleted with their event by the one code path that deletes events, inside the same
            // transaction; enforcing a foreign key would add a parent lookup to every tag insert for nothing.
            Pragma(connection, "foreign_keys", "OFF");
            Pragma(connection, "journal_size_limit", JournalSizeLimitBytes);

            // Checkpoints run on the Checkpointer's connection and thread, never inside a commit.
            Pragma(connection, "wal_autocheckpoint", 0);
            Pragma(connection, "cache_size", -options.WriterCacheKiB);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection for queries; <c>query_only</c> makes any write through it an error.</summary>
    public static SqliteConnection OpenReader(EventStoreOptions options)
    {
        var connection = Open(options, SqliteOpenMode.ReadWrite);
        try
        {
            Pragma(connection, "query_only", "ON");
            Pragma(connection, "cache_size", -options.ReaderCacheKiB);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection Open(EventStoreOptions options, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = mode,

            // We keep our connections open for the store's lifetime and cache prepared statements on them;
            // ADO pooling would only keep files open after Dispose (and block deleting them).
            Pooling = false,
            Cache = SqliteCacheMode.Private,
        };

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Pragma(connection, "busy_timeout", (long)options.BusyTimeout.TotalMilliseconds);
            Pragma(connection, "mmap_size", options.MmapSizeBytes);

            // Sorts of equal-created_at runs and UNIONs for COUNT are small: keep them off the disk.
            Pragma(connection, "temp_store", "MEMORY");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Pragma(SqliteConnection connection, string name, string value) =>
        Schema.ExecuteScalar(connection, $"PRAGMA {name} = {value}");

    private static void Pragma(SqliteConnection connection, string name, long value) =>
        Schema.ExecuteScalar(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA {name} = {value}"));
}
