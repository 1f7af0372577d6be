using Microsoft.Data.Sqlite;
using Relay.Nostr.Events;
using SQLitePCL;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// One prepared SQLite statement, driven through SQLitePCL's raw API: parameters bound from spans
/// without managed copies, and blob columns read as spans over SQLite's own row memory. Microsoft.Data.Sqlite's
/// ADO layer is used only for opening connections, pragmas, schema and backup.
/// </summary>
/// <remarks>
/// Not thread-safe: it belongs to one connection, which belongs to one thread at a time. Spans returned by
/// <see cref="ColumnBlob"/> stay valid until the next <see cref="Step"/>, <see cref="Reset"/> or <see cref="Dispose"/>.
/// </remarks>
internal sealed class Statement : IDisposable
{
    private const int SqliteRow = 100;   // SQLITE_ROW
    private const int SqliteDone = 101;  // SQLITE_DONE
    private const int SqliteOk = 0;      // SQLITE_OK

    // SQLITE_PREPARE_PERSISTENT: the statement is reused many times; SQLite keeps it out of lookaside memory.
    private const uint PreparePersistent = 0x01;

    private readonly sqlite3 _db;
    private sqlite3_stmt? _stmt;

    public Statement(sqlite3 db, string sql)
    {
        _db = db;
        Sql = sql;
        var rc = raw.sqlite3_prepare_v3(db, sql, PreparePersistent, out var stmt);
        if (rc != SqliteOk)
        {
            stmt?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        _stmt = stmt;
    }

    /// <summary>The SQL text, also the key of a connection's statement cache.</summary>
    public string Sql { get; }

    private sqlite3_stmt Handle => _stmt ?? ThrowHelper.ThrowInvalidOperation<sqlite3_stmt>("The statement was disposed.");

    public void BindInt64(int index, long value) => Check(raw.sqlite3_bind_int64(Handle, index, value));

    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(Handle, index, value));

    /// <summary>Binds text given as UTF-16; SQLite converts it to the database's UTF-8 itself.</summary>
    public void BindText(int index, ReadOnlySpan<char> value) => Check(raw.sqlite3_bind_text16(Handle, index, value));

    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Handle, index));

    /// <summary>Binds an event id as its 32 raw bytes (how ids are stored).</summary>
    public void BindId(int index, EventId id)
    {
        Span<byte> bytes = stackalloc byte[EventId.Size];
        id.CopyTo(bytes);
        BindBlob(index, bytes);
    }

    /// <summary>Binds a public key as its 32 raw bytes (how keys are stored).</summary>
    public void BindKey(int index, PublicKey key)
    {
        Span<byte> bytes = stackalloc byte[PublicKey.Size];
        key.CopyTo(bytes);
        BindBlob(index, bytes);
    }

    /// <summary>Runs to the next row: true when a row is available, false when the statement is done.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc == SqliteRow)
        {
            return true;
        }

        if (rc == SqliteDone)
        {
            return false;
        }

        // sqlite3_step reports the error; reset returns the same code and leaves the statement reusable.
        raw.sqlite3_reset(Handle);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return false;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        Step();
        Reset();
    }

    /// <summary>Rewinds the statement so it can run again; bindings are kept.</summary>
    public void Reset() => raw.sqlite3_reset(Handle);

    public long ColumnInt64(int index) => raw.sqlite3_column_int64(Handle, index);

    public bool ColumnIsNull(int index) => raw.sqlite3_column_type(Handle, index) == raw.SQLITE_NULL;

    public ReadOnlySpan<byte> ColumnBlob(int index) => raw.sqlite3_column_blob(Handle, index);

    public EventId ColumnId(int index) => new(ColumnBlob(index));

    public PublicKey ColumnKey(int index) => new(ColumnBlob(index));

    public void Dispose()
    {
        _stmt?.Dispose();
        _stmt = null;
    }

    private void Check(int rc)
    {
        if (rc != SqliteOk)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
