using System.Globalization;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// The benchmark database, built once and cached under the temp directory, keyed by a data version and the
/// schema version, so reruns start at once. Delete <c>/tmp/relay-bench</c> to rebuild.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>Bump when <see cref="EventGenerator"/> changes.</summary>
    private const int DataVersion = 1;

    public static string Directory(long events) => Path.Combine(
        Path.GetTempPath(), "relay-bench", string.Create(CultureInfo.InvariantCulture, $"storage-d{DataVersion}-s{Schema.LatestVersion}-{events}"));

    /// <summary>Returns the directory of a database holding about <paramref name="events"/> generated events, building it if needed.</summary>
    public static string Ensure(long events)
    {
        var directory = Directory(events);
        var marker = Path.Combine(directory, "complete");
        if (File.Exists(marker))
        {
            return directory;
        }

        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        Console.WriteLine($"// building the storage benchmark database ({events:N0} events) in {directory}");
        using (var store = EventStore.Open(new EventStoreOptions { DataDirectory = directory }))
        using (var writer = store.OpenWriter())
        {
            Fill(writer, new EventGenerator(seed: 42, events), events);
        }

        File.WriteAllText(marker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return directory;
    }

    public static void Fill(EventWriter writer, EventGenerator generator, long events)
    {
        var batch = new NostrEvent[1000];
        var outcomes = new WriteOutcome[batch.Length];
        for (long written = 0; written < events; written += batch.Length)
        {
            var size = (int)Math.Min(batch.Length, events - written);
            for (var i = 0; i < size; i++)
            {
                batch[i] = generator.Next();
            }

            writer.WriteBatch(batch.AsSpan(0, size), outcomes);
        }
    }
}
