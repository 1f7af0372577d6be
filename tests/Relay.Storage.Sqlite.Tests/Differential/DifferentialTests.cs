using System.Collections.Immutable;
using Relay.Nostr;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Differential;

/// <summary>
/// strfry-style differential fuzzing: random events (with ties, versions, deletions before and after their
/// targets, gift wraps, expirations) written in random batches, then random REQs and COUNTs; the store must
/// agree with <see cref="StoreModel"/> on every outcome and every answer.
/// </summary>
public sealed class DifferentialTests
{
    private const long Start = Ev.Now;
    private static readonly int[] KindPool = [1, 1, 1, 7, 4, 0, 3, 10002, 30000, 30023, 5, 5, 1059];
    private static readonly string[] Words = ["nostr", "relay", "sqlite", "event", "zap"];

    [Theory]
    [InlineData(1, 256)]
    [InlineData(2, 256)]
    [InlineData(3, 1)]
    [InlineData(4, 3)]
    [InlineData(5, 256)]
    [InlineData(6, 2)]
    [InlineData(7, 256)]
    [InlineData(8, 5)]
    public void The_store_agrees_with_the_naive_model_on_random_writes_and_queries(int seed, int streamCap)
    {
        var random = new Random(seed);
        var limits = NostrLimits.Default with { DefaultLimit = 12, MaxLimit = 20 };
        using var store = new TempStore(o => o with { MaxStreamsPerFilter = streamCap, Limits = limits });
        var model = new StoreModel();
        var authors = Enumerable.Range(0, 4).Select(_ => SecretKey.Generate(FastSigner.Instance)).ToArray();
        var keys = authors.Select(a => a.GetPublicKey(FastSigner.Instance)).ToArray();
        var seen = new List<NostrEvent>();

        for (var round = 0; round < 40; round++)
        {
            // Time moves on, so expirations come due between rounds.
            store.Clock.UnixSeconds = Start + round;
            var batch = Enumerable.Range(0, random.Next(1, 9)).Select(_ => RandomEvent(random, authors, keys, seen)).ToList();

            // Resubmissions: duplicates, deleted and superseded events come back.
            if (seen.Count > 0 && random.Next(3) == 0)
            {
                batch.Insert(random.Next(batch.Count + 1), seen[random.Next(seen.Count)]);
            }

            var predicted = batch.Select(e => store.Store.PreCheck(e)).ToList();
            var expected = batch.Select(e => model.Write(e, store.Now)).ToList();
            var actual = store.Writer.WriteBatch(batch).Select(o => o.Status).ToList();
            Assert.Equal(expected, actual);

            // A pre-check answer is a promise, unless an earlier event of the same batch changed the picture.
            for (var i = 0; i < batch.Count; i++)
            {
                if (predicted[i] is { } precheck && !batch.Take(i).Any(b => b.Id == batch[i].Id || b.Kind == 5 || b.Address == batch[i].Address))
                {
                    Assert.Equal(actual[i], precheck.Status);
                }
            }

            seen.AddRange(batch);
            for (var q = 0; q < 6; q++)
            {
                var filters = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomFilter(random, keys, seen)).ToArray();
                var expectedIds = model.Query(filters, store.Now, limits.DefaultLimit, limits.MaxLimit);
                var result = store.Store.Query(filters, store.Now);
                Assert.False(result.Truncated);
                Assert.Equal(expectedIds, TempStore.ToIds(result));
                Assert.Equal(new CountResult(model.Count(filters, store.Now), false), store.Store.Count(filters, store.Now));
            }
        }

        // The counter agrees with the rows; the purge removes exactly the expired ones.
        Assert.Equal(model.Stored.Count, store.Store.GetStats().EventCount);
        var expired = model.Stored.Count(e => e.Expiration <= store.Now);
        Assert.Equal(expired, store.Writer.PurgeExpired(store.Now, 10_000));
        Assert.Equal(model.Stored.Count - expired, store.Store.GetStats().EventCount);
        Assert.True(model.Stored.Count > 20, "the run should leave a meaningful number of events");
    }

    private static NostrEvent RandomEvent(Random random, SecretKey[] authors, PublicKey[] keys, List<NostrEvent> seen)
    {
        var author = random.Next(authors.Length);
        var kind = KindPool[random.Next(KindPool.Length)];
        var createdAt = Start - random.Next(0, 25);
        var tags = new List<NostrTag>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            tags.Add(random.Next(5) switch
            {
                0 => new NostrTag("t", $"t{random.Next(4)}"),
                1 => new NostrTag("p", keys[random.Next(keys.Length)].ToString()),
                2 => new NostrTag("d", $"d{random.Next(3)}"),
                3 when seen.Count > 0 => new NostrTag("e", seen[random.Next(seen.Count)].Id.ToString()),
                _ => new NostrTag("expiration", (Start + random.Next(-2, 45)).ToString()),
            });
        }

        if (kind == 5)
        {
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                if (seen.Count > 0 && random.Next(3) > 0)
                {
                    tags.Add(new NostrTag("e", seen[random.Next(seen.Count)].Id.ToString()));
                }
                else
                {
                    var addressKind = new[] { 0, 3, 10002, 30000, 30023, 1 }[random.Next(6)];
                    var owner = random.Next(4) == 0 ? random.Next(keys.Length) : author;
                    tags.Add(new NostrTag("a", $"{addressKind}:{keys[owner]}:{(addressKind >= 30000 ? $"d{random.Next(3)}" : "")}"));
                }
            }

            if (random.Next(4) == 0)
            {
                tags.Add(new NostrTag("k", "1059"));
            }
        }

        var content = string.Join(' ', Enumerable.Range(0, random.Next(0, 3)).Select(_ => Words[random.Next(Words.Length)]));
        return NostrEvent.Create(authors[author], createdAt, kind, tags, content, FastSigner.Instance);
    }

    private static NostrFilter RandomFilter(Random random, PublicKey[] keys, List<NostrEvent> seen)
    {
        ImmutableArray<EventId>? ids = null;
        ImmutableArray<PublicKey>? authors = null;
        ImmutableArray<int>? kinds = null;
        var tags = ImmutableArray<TagFilter>.Empty;
        if (random.Next(6) == 0)
        {
            ids = [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => seen[random.Next(seen.Count)].Id)];
        }

        if (random.Next(3) == 0)
        {
            authors = [.. keys.Where(_ => random.Next(2) == 0)];
        }

        if (random.Next(2) == 0)
        {
            kinds = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => KindPool[random.Next(KindPool.Length)])];
        }

        if (random.Next(3) == 0)
        {
            tags = random.Next(3) switch
            {
                0 => [new TagFilter('t', [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => $"t{random.Next(4)}")])],
                1 => [new TagFilter('p', [keys[random.Next(keys.Length)].ToString()])],
                _ => [new TagFilter('d', [$"d{random.Next(3)}"]), new TagFilter('t', [$"t{random.Next(4)}", $"t{random.Next(4)}"])],
            };
        }

        var since = random.Next(4) == 0 ? Start - random.Next(0, 25) : (long?)null;
        var until = random.Next(4) == 0 ? Start - random.Next(0, 25) : (long?)null;
        return new NostrFilter
        {
            Ids = ids,
            Authors = authors,
            Kinds = kinds,
            Tags = tags,
            Since = since,
            Until = until,
            Limit = random.Next(3) == 0 ? null : random.Next(0, 25),
            Search = random.Next(10) == 0 ? Words[random.Next(Words.Length)] : null,
        };
    }
}
