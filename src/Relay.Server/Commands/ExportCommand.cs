using System.Collections.Immutable;
using System.CommandLine;
using Microsoft.Data.Sqlite;
using Relay.Nostr.Events;
using Relay.Server.Commands.Internal;
using Relay.Server.Operations.Internal;
using Relay.Storage.Sqlite;

namespace Relay.Server.Commands;

/// <summary>
/// <c>relay export [--data DIR] [--since T] [--until T] [--kinds 1,7] [--authors HEX,...] [--output FILE]</c>: writes
/// the stored, unexpired events as strfry-style JSONL (one canonical event JSON per line, oldest first) to standard
/// output or a file. Streams in constant memory and reads in short snapshots, so it runs safely beside
/// <c>relay serve</c> (WAL: readers never block the writer). Exit 0 on success, 1 when the database is missing or
/// an I/O error occurs (message on standard error).
/// </summary>
internal static class ExportCommand
{
    /// <summary>Output buffer: few write system calls without holding much memory.</summary>
    private const int OutputBufferBytes = 1 << 16;

    public static Command Create()
    {
        var data = DataDirectory.CreateOption();
        var since = new Option<long?>("--since") { Description = "Only events with created_at >= T (unix seconds or ISO 8601).", HelpName = "T", CustomParser = ValueParsers.Timestamp };
        var until = new Option<long?>("--until") { Description = "Only events with created_at <= T (unix seconds or ISO 8601).", HelpName = "T", CustomParser = ValueParsers.Timestamp };
        var kinds = new Option<ImmutableArray<int>?>("--kinds") { Description = "Only these kinds, comma-separated (1,7).", HelpName = "K,...", CustomParser = ValueParsers.Kinds };
        var authors = new Option<ImmutableArray<PublicKey>?>("--authors") { Description = "Only these authors, comma-separated hex public keys.", HelpName = "HEX,...", CustomParser = ValueParsers.Authors };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to FILE instead of standard output (replaced if it exists).", HelpName = "FILE" };
        var command = new Command("export", "Write stored events as JSONL (one event per line), oldest first.")
        {
            data, since, until, kinds, authors, output,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!DataDirectory.TryFindExisting(parseResult.GetValue(data)!, "export", error, out var storeOptions))
            {
                return 1;
            }

            var filter = new ExportOptions { Since = parseResult.GetValue(since), Until = parseResult.GetValue(until), Kinds = parseResult.GetValue(kinds) };
            var file = parseResult.GetValue(output);
            try
            {
                using var destination = file is null ? Console.OpenStandardOutput() : file.Create();
                var count = Run(storeOptions, filter, parseResult.GetValue(authors), destination);
                error.WriteLine($"relay export: {count:N0} events written to {file?.FullName ?? "standard output"}.");
                return 0;
            }
            catch (Exception e) when (e is IOException or SqliteException or UnauthorizedAccessException or InvalidOperationException)
            {
                // InvalidOperationException: a database written by a newer relay (EventStore.Open refuses it).
                error.WriteLine($"relay export: failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Exports from the database described by <paramref name="storeOptions"/>; returns the number of events written.</summary>
    public static long Run(EventStoreOptions storeOptions, ExportOptions filter, ImmutableArray<PublicKey>? authors, Stream destination)
    {
        using var store = EventStore.Open(storeOptions);
        using var buffered = new BufferedStream(destination, OutputBufferBytes);
        long count;
        if (authors is { } only)
        {
            using var filtered = new AuthorFilterStream(buffered, only);
            store.Export(filtered, filter);
            count = filtered.LinesWritten;
        }
        else
        {
            count = store.Export(buffered, filter);
        }

        buffered.Flush();
        return count;
    }
}
