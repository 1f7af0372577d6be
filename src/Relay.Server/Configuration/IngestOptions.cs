using Relay.Storage.Sqlite;

namespace Relay.Server.Configuration;

/// <summary>The ingest pipeline.</summary>
public sealed class IngestOptions
{
    /// <summary>Signature verifier actors. Default 2: one per core of the reference machine; verification (~60 µs)
    /// is CPU-bound, more workers than cores only queue.</summary>
    public int Verifiers { get; set; } = 2;

    /// <summary>Most events committed in one SQLite transaction. Default 512: storage measured no gain per event
    /// beyond a few hundred per batch (docs/benchmarks.md), and a bounded batch bounds the OK latency of its last event.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Ids of recently stored events remembered in memory to answer duplicates without SQLite. Default 65,536
    /// (~4 MiB): the burst of a popular event re-broadcast by many clients within minutes.</summary>
    public int RecentIds { get; set; } = 65_536;

    /// <summary>How often expired events (NIP-40) are purged. Default 60 s: queries already hide them; the purge only
    /// reclaims space.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Durability of each commit; see <see cref="EventStoreOptions.Synchronous"/>. Default NORMAL (survives kill -9).</summary>
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Normal;

    internal void Validate()
    {
        RelayOptions.RequirePositive(Verifiers, nameof(Verifiers));
        RelayOptions.RequirePositive(MaxBatch, nameof(MaxBatch));
        RelayOptions.RequirePositive(RecentIds, nameof(RecentIds));
        RelayOptions.RequirePositive(PurgeInterval, nameof(PurgeInterval));
    }
}
