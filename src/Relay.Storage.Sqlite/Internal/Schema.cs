using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Relay.Storage.Sqlite.Internal;

/// <summary>
/// The database schema and its migrations, versioned by <c>PRAGMA user_version</c>: version N is reached by
/// running the scripts of every version up to N, in one transaction, so a crash mid-migration leaves the
/// previous version intact.
/// </summary>
/// <remarks>
/// <para><b>events</b>: one row per stored event, the canonical JSON (<c>json</c>, returned byte for byte) plus the
/// columns filters and storage rules need. <c>seq</c> is the rowid, so secondary indexes and the tag table refer
/// to an event with a small integer instead of its 32-byte id. <c>d_tag</c> is the address identifier: NULL for
/// regular events, "" for replaceable ones, the first <c>d</c> value for addressable ones; the unique partial index
/// on it enforces "one version per address" (NIP-01) in the database itself. <c>json</c> is the last column so
/// that reading the others never touches its overflow pages.</para>
/// <para>Each index serves one way of reading a filter newest first (see <c>FilterPlanner</c>): by id, by
/// author and kind, by author, by kind, by <c>created_at</c>, by tag value. Order inside one <c>created_at</c> is
/// by id (NIP-01 tie-break); SQLite sorts each run of equal <c>created_at</c> as it streams ("temp b-tree for the
/// right part of ORDER BY"), which keeps the 32-byte id out of every index.</para>
/// <para><b>tags</b>: the first value of every single-letter tag (NIP-01), keyed by event so deleting an event's
/// tags is a range delete, with a covering index (letter, value, created_at) for <c>#x</c> filters. WITHOUT ROWID:
/// rows are small, so the primary key b-tree is the table.</para>
/// <para><b>deleted_ids</b>, <b>deleted_addresses</b>: NIP-09 tombstones, kept forever so deleted events cannot
/// be published again, even when the deletion request arrived before the event.</para>
/// <para><b>meta</b>: counters kept in the same transactions as the rows they count.</para>
/// </remarks>
internal static class Schema
{
    /// <summary>The version this code writes; databases with a higher version are refused.</summary>
    public const int LatestVersion = 1;

    private static readonly string[] Migrations =
    [
        // Version 1.
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY,
            id BLOB NOT NULL,
            pubkey BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            d_tag TEXT,
            expiration INTEGER,
            json BLOB NOT NULL
        );
        CREATE UNIQUE INDEX events_id ON events(id);
        CREATE INDEX events_created ON events(created_at);
        CREATE INDEX events_kind ON events(kind, created_at);
        CREATE INDEX events_pubkey ON events(pubkey, created_at);
        CREATE INDEX events_pubkey_kind ON events(pubkey, kind, created_at);
        CREATE UNIQUE INDEX events_address ON events(pubkey, kind, d_tag) WHERE d_tag IS NOT NULL;
        CREATE INDEX events_expiration ON events(expiration) WHERE expiration IS NOT NULL;

        CREATE TABLE tags (
            event INTEGER NOT NULL,
            letter INTEGER NOT NULL,
            value TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (event, letter, value)
        ) WITHOUT ROWID;
        CREATE INDEX tags_value ON tags(letter, value, created_at);

        CREATE TABLE deleted_ids (
            id BLOB NOT NULL,
            pubkey BLOB NOT NULL,
            gift_wrap INTEGER NOT NULL,
            PRIMARY KEY (id, pubkey)
        ) WITHOUT ROWID;

        CREATE TABLE deleted_addresses (
            pubkey BLOB NOT NULL,
            kind INTEGER NOT NULL,
            d_tag TEXT NOT NULL,
            until INTEGER NOT NULL,
            PRIMARY KEY (pubkey, kind, d_tag)
        ) WITHOUT ROWID;

        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('event_count', 0);
        """,
    ];

    /// <summary>Brings the database to <see cref="LatestVersion"/>.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of the relay.</exception>
    public static void Migrate(SqliteConnection connection)
    {
        // BEGIN IMMEDIATE takes the write lock before reading the version, so two processes opening the same
        // new file cannot both run the migration.
        Execute(connection, "BEGIN IMMEDIATE");
        try
        {
            var version = Convert.ToInt32(ExecuteScalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
            if (version > LatestVersion)
            {
                ThrowHelper.ThrowInvalidOperation(
                    $"The database has schema version {version}; this relay understands up to {LatestVersion}. " +
                    "Use a newer relay or restore a backup.");
            }

            for (var next = version + 1; next <= LatestVersion; next++)
            {
                Execute(connection, Migrations[next - 1]);
            }

            if (version != LatestVersion)
            {
                // PRAGMA takes no parameters; the value is our own constant.
                Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {LatestVersion}"));
            }

            Execute(connection, "COMMIT");
        }
        catch
        {
            Execute(connection, "ROLLBACK");
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
