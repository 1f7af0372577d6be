using Relay.Nostr;
using Relay.Nostr.Crypto;

namespace Relay.Server.Operations;

/// <summary>How <see cref="EventImporter"/> reads, checks and commits.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed record ImportOptions
{
    /// <summary>
    /// Default <see cref="BatchSize"/>: 5,000 events per transaction. The store's cost per event is flat from 100 events
    /// per batch up (docs/benchmarks.md, "Batched writes": ~140 µs), so the size is set by the import's own costs and
    /// bounds: each batch gives the parallel verification ~200 ms of signatures per core, so its start-up and the
    /// hand-offs between stages are negligible; a commit stays under a second, which bounds both the work an
    /// interrupted import loses (at most the batches not yet committed, redone by the rerun) and how long a relay
    /// serving the same database waits for the write lock (inside its 5 s <c>busy_timeout</c>). About 3 MB of input
    /// per batch, at most three batches in memory. 1,000, 5,000 and 20,000 measured within noise of each other on
    /// the shared machine (docs/benchmarks.md, "Import").
    /// </summary>
    public const int DefaultBatchSize = 5000;

    /// <summary>Most events per transaction accepted by <see cref="Validate"/>: beyond it a batch only holds the write lock longer.</summary>
    public const int MaxBatchSize = 100_000;

    /// <summary>Events per transaction (see <see cref="DefaultBatchSize"/>).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Longest line in bytes, CR and LF excluded. Default <see cref="NostrLimits.MaxMessageLength"/> (128 KiB): a line
    /// holds what one <c>EVENT</c> message may carry over the wire, so the import accepts exactly what the relay's
    /// ingest would (an event's canonical form is bounded separately by <see cref="NostrLimits.MaxEventSize"/>).
    /// </summary>
    public int MaxLineBytes { get; init; } = NostrLimits.Default.MaxMessageLength;

    /// <summary>Protocol limits, the relay's own: structure, sizes, the <c>created_at</c> window.</summary>
    public NostrLimits Limits { get; init; } = NostrLimits.Default;

    /// <summary>The BIP-340 implementation (libsecp256k1 when it loads).</summary>
    public ISchnorrBackend Verifier { get; init; } = SchnorrBackends.Default;

    /// <summary>Threads verifying signatures. Default: every core; the writer overlaps with them on its own thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Clock for the <c>created_at</c> window, NIP-40 expiration and elapsed time.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks that every option is usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or count is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchSize, MaxBatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineBytes, 2, nameof(MaxLineBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        ArgumentNullException.ThrowIfNull(Limits);
        ArgumentNullException.ThrowIfNull(Verifier);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        Limits.Validate();
    }
}
