using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Relay.Server.Commands.Internal;
using Relay.Storage.Sqlite;

namespace Relay.Server.Commands;

/// <summary>
/// <c>relay db backup FILE [--data DIR] [--force]</c>: a consistent copy of the live database, taken online while
/// <c>relay serve</c> keeps writing (<see cref="EventStore.BackupTo"/>: SQLite's backup API over one read snapshot,
/// written beside the target and renamed into place). The copy is a single self-contained file (no WAL), opened
/// directly by <c>relay serve --data</c> once renamed to <c>relay.db</c>. Exit 0 with the size and event count of the
/// copy; 1 when the database is missing, the target exists without <c>--force</c>, or an I/O error occurs.
/// </summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var data = DataDirectory.CreateOption();
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the backup." };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists." };
        var backup = new Command("backup", "Write a consistent online backup of the database to FILE.") { file, data, force };
        backup.SetAction(parseResult => Backup(
            parseResult.GetValue(data)!, parseResult.GetValue(file)!, parseResult.GetValue(force),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return new Command("db", "Database maintenance.") { backup };
    }

    /// <summary>Takes the backup and reports it; returns the exit code.</summary>
    public static int Backup(string dataDirectory, FileInfo target, bool force, TextWriter output, TextWriter error)
    {
        if (!DataDirectory.TryFindExisting(dataDirectory, "db backup", error, out var storeOptions))
        {
            return 1;
        }

        if (target.Exists && !force)
        {
            error.WriteLine($"relay db backup: {target.FullName} exists; pass --force to replace it.");
            return 1;
        }

        try
        {
            using (var store = EventStore.Open(storeOptions))
            {
                store.BackupTo(target.FullName);
            }

            target.Refresh();
            var events = CountEvents(target.FullName);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"relay db backup: {target.FullName}: {target.Length:N0} bytes ({target.Length / (1024.0 * 1024.0):0.0} MiB), {events:N0} events."));
            return 0;
        }
        catch (Exception e) when (e is IOException or SqliteException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"relay db backup: failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Counts the events in the copy itself, read-only (opening it as a store would switch it to WAL): this proves the
    /// file is a readable database and reports what it holds, not what the live one held a moment earlier.
    /// </summary>
    private static long CountEvents(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
