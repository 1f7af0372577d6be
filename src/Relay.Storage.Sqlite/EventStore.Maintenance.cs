using Microsoft.Data.Sqlite;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

public sealed partial class EventStore
{
    /// <summary>
    /// Rows per export chunk. Each chunk is its own short read transaction, so exporting millions of events never
    /// pins one WAL snapshot for minutes (which would stop checkpoints and grow the WAL); 1,000 rows is about
    /// 0.5 MB and a few milliseconds per snapshot.
    /// </summary>
    private const int ExportChunkRows = 1000;

    private const string EventCountSql = "SELECT value FROM meta WHERE key = 'event_count'";

    /// <summary>
    /// Writes stored, unexpired events as JSON lines (one canonical event JSON per line, like strfry's
    /// <c>export</c>), oldest first (<c>created_at</c> ascending, then id), streaming: memory does not grow with
    /// the database. The output is what <see cref="EventWriter.WriteBatch(IReadOnlyList{Relay.Nostr.Events.NostrEvent})"/>
    /// imports.
    /// </summary>
    /// <remarks>
    /// The export walks the database in chunks, each from a fresh snapshot: events written meanwhile may or may
    /// not appear, and one replaced meanwhile may appear in both versions. For an exact snapshot, export from a
    /// copy made by <see cref="BackupTo"/>.
    /// </remarks>
    /// <param name="destination">Where to write; not closed.</param>
    /// <param name="options">Time window and kinds; everything when null.</param>
    /// <returns>Number of events written.</returns>
    public long Export(Stream destination, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        options ??= ExportOptions.All;
        if (options.Kinds is { IsEmpty: true })
        {
            return 0;
        }

        var now = Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var until = options.Until ?? long.MaxValue;
        var from = options.Since ?? 0;
        (long CreatedAt, Nostr.Events.EventId Id)? last = null;
        long written = 0;
        while (true)
        {
            var sql = new SqlSpec().Append("SELECT created_at, id, json FROM events INDEXED BY events_created WHERE created_at >= ")
                .Param(SqlValue.Integer(last?.CreatedAt ?? from))
                .Append(" AND created_at <= ").Param(SqlValue.Integer(until));
            if (last is { } resume)
            {
                // Keyset continuation after the last row written: (created_at, id) is unique and is the order.
                sql.Append(" AND NOT (created_at = ").Param(SqlValue.Integer(resume.CreatedAt))
                    .Append(" AND id <= ").Param(SqlValue.Id(resume.Id)).Append(")");
            }

            sql.Append(" AND (expiration IS NULL OR expiration > ").Param(SqlValue.Integer(now)).Append(")");
            if (options.Kinds is { } kinds)
            {
                sql.Append(" AND kind IN ").InList(kinds.AsSpan(), static kind => SqlValue.Integer(kind));
            }

            sql.Append(" ORDER BY created_at, id LIMIT ").Param(SqlValue.Integer(ExportChunkRows));

            var rows = 0;
            var connection = RentReader();
            try
            {
                var statement = connection.RentStatement(sql.Sql);
                try
                {
                    sql.BindAll(statement);
                    while (statement.Step())
                    {
                        destination.Write(statement.ColumnBlob(2));
                        destination.WriteByte((byte)'\n');
                        last = (statement.ColumnInt64(0), statement.ColumnId(1));
                        rows++;
                    }
                }
                finally
                {
                    connection.ReturnStatement(statement);
                }
            }
            finally
            {
                _readers.Return(connection);
            }

            written += rows;
            if (rows < ExportChunkRows)
            {
                return written;
            }
        }
    }

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="path"/> while the writer keeps writing, using
    /// SQLite's online backup API in one step: it copies the pages of one read snapshot, so the copy holds exactly
    /// the transactions committed when it started. Chosen over <c>VACUUM INTO</c>, which rebuilds every table and
    /// index row by row for a smaller file: 1.5 times as long on 100,000 events (docs/benchmarks.md), all of it
    /// CPU on a core the relay needs. The copy is
    /// written beside the target and renamed into place, so a crash never leaves a partial file under the
    /// target name; an existing file at the target is replaced.
    /// </summary>
    /// <param name="path">The backup file; its directory is created when missing.</param>
    /// <exception cref="ArgumentException">The path is empty or is the live database.</exception>
    public void BackupTo(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        if (string.Equals(target, Path.GetFullPath(DatabasePath), StringComparison.Ordinal))
        {
            ThrowHelper.ThrowArgument("The backup cannot overwrite the live database.", nameof(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var connection = RentReader();
        try
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
            using (var destination = new SqliteConnection(builder.ToString()))
            {
                destination.Open();
                connection.Connection.BackupDatabase(destination);

                // The copy carries the source's WAL flag; make it a single self-contained file before the rename.
                Schema.ExecuteScalar(destination, "PRAGMA journal_mode = DELETE");
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            _readers.Return(connection);
            File.Delete(partial);
        }
    }

    /// <summary>Event count and file sizes (cheap: a counter row and two file sizes).</summary>
    public StoreStats GetStats()
    {
        long count;
        var connection = RentReader();
        try
        {
            var statement = connection.RentStatement(EventCountSql);
            try
            {
                count = statement.Step() ? statement.ColumnInt64(0) : 0;
            }
            finally
            {
                connection.ReturnStatement(statement);
            }
        }
        finally
        {
            _readers.Return(connection);
        }

        return new StoreStats(count, FileLength(DatabasePath), FileLength(DatabasePath + "-wal"));
    }

    private static long FileLength(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }
}
