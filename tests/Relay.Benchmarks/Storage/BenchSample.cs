using Microsoft.Data.Sqlite;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// Query inputs drawn from the benchmark database: ids and authors of random rows (so authors are weighted by
/// how much they post, like real REQs for active people), and <c>e</c> tag values of random tag rows.
/// </summary>
internal sealed record BenchSample(List<EventId> Ids, List<PublicKey> Authors, List<string> ETags)
{
    public static BenchSample Draw(EventStore store, int count, int seed)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection($"Data Source={store.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var maxSeq = Scalar(connection, "SELECT max(seq) FROM events");
        var maxTag = Scalar(connection, "SELECT max(event) FROM tags");
        var ids = new List<EventId>(count);
        var authors = new List<PublicKey>(count);
        var eTags = new List<string>(count);
        using var byRow = connection.CreateCommand();
        byRow.CommandText = "SELECT id, pubkey FROM events WHERE seq >= $seq ORDER BY seq LIMIT 1";
        var seqParameter = byRow.Parameters.Add("$seq", SqliteType.Integer);
        using var byTag = connection.CreateCommand();
        
        // "+letter": walk the primary key (event, letter, value) from a random event; with a plain "letter = 101"
        // the planner picks tags_value and scans every e tag for each sample.
        byTag.CommandText = "SELECT value FROM tags WHERE event >= $event AND +letter = 101 ORDER BY event LIMIT 1";
        var eventParameter = byTag.Parameters.Add("$event", SqliteType.Integer);
        for (var i = 0; i < count; i++)
        {
            seqParameter.Value = random.NextInt64(1, maxSeq + 1);
            using (var reader = byRow.ExecuteReader())
            {
                if (reader.Read())
                {
                    ids.Add(new EventId((byte[])reader[0]));
                    authors.Add(new PublicKey((byte[])reader[1]));
                }
            }

            eventParameter.Value = random.NextInt64(1, maxTag + 1);
            if (byTag.ExecuteScalar() is string value)
            {
                eTags.Add(value);
            }
        }

        return new BenchSample(ids, authors, eTags);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
