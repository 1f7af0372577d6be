using Relay.Nostr;
using Relay.Storage.Sqlite.Internal;

namespace Relay.Storage.Sqlite;

/// <summary>
/// How to open an <see cref="EventStore"/>. Every default says where it comes from; the measurements behind
/// them are in docs/benchmarks.md ("Relay → Storage").
/// </summary>
/// <remarks>Immutable once built; safe to share between threads.</remarks>
public sealed record EventStoreOptions
{
    /// <summary>Default <see cref="FileName"/>.</summary>
    public const string DefaultFileName = "relay.db";

    /// <summary>Directory holding the database (created when missing).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>File name of the database inside <see cref="DataDirectory"/>. Default <c>relay.db</c>.</summary>
    public string FileName { get; init; } = DefaultFileName;

    /// <summary>
    /// Durability of each commit. Default <see cref="SynchronousMode.Normal"/>: the relay promises that an
    /// event answered <c>OK true</c> survives the process being killed, which WAL + NORMAL guarantees (the commit
    /// is in the kernel's page cache before <c>WriteBatch</c> returns; the SIGKILL test proves it). FULL adds an
    /// fsync per commit: measured here 466 µs instead of 171 µs per one-event batch, no difference beyond noise
    /// at 100 or 1,000 events per batch (docs/benchmarks.md). Choose FULL when the host can lose power
    /// unannounced and every acknowledged event must survive that too.
    /// </summary>
    public SynchronousMode Synchronous { get; init; } = SynchronousMode.Normal;

    /// <summary>
    /// How long a connection waits for a lock held by another connection before failing with SQLITE_BUSY
    /// (<c>PRAGMA busy_timeout</c>). Default 5 s: inside the relay the one writer never waits on readers
    /// (WAL), so only an outside process (the <c>sqlite3</c> shell, an offline tool) can hold the lock; 5 s
    /// rides out a short maintenance statement without stalling the writer for long.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Bytes of the database each connection reads through a memory map (<c>PRAGMA mmap_size</c>). Default
    /// 2,047 MiB, just under the cap SQLite is built with (<c>SQLITE_MAX_MMAP_SIZE</c>, 0x7fff0000): reads then
    /// come straight from the kernel's page cache, shared by every connection, instead of a read() system call
    /// and a copy into each connection's own cache per page. It is address space, not memory: the kernel decides
    /// what stays resident. Measured on 1,000,000 events (~1.2 GB): authors + kinds + limit 100 has a p99 of
    /// 1.5 ms with the whole file mapped against 4.4 ms with 256 MiB and 11.3 ms with no map (docs/benchmarks.md).
    /// 0 turns it off, advisable only where an I/O error must not become SIGBUS (network filesystems).
    /// </summary>
    public long MmapSizeBytes { get; init; } = 2047L * 1024 * 1024;

    /// <summary>
    /// Page cache of the writer connection in KiB (<c>PRAGMA cache_size</c>). Default 64 MiB: a batch touches
    /// the events table and seven index b-trees at random places; keeping their interior pages and the recent
    /// leaves cached keeps a 1,000-event batch from re-reading pages (measured in the write benchmarks).
    /// </summary>
    public int WriterCacheKiB { get; init; } = 64 * 1024;

    /// <summary>
    /// Page cache of each read connection in KiB. Default 8 MiB: reads are served from the memory map
    /// (<see cref="MmapSizeBytes"/>); the cache holds pages beyond it and pages the WAL holds newer copies of.
    /// </summary>
    public int ReaderCacheKiB { get; init; } = 8 * 1024;

    /// <summary>
    /// WAL pages the writer appends before it wakes the background checkpointer (which copies them into the
    /// database file on its own thread). Default 16,384 pages (64 MiB): SQLite's own default of 1,000 pages, run
    /// inside the commit with an fsync, was the largest cost of a write (269 → 99 µs per event at batch 1,000,
    /// measured back to back, docs/benchmarks.md); checkpointing less often also writes a page dirtied by many
    /// batches to the database file once. The WAL is replayed on open after a crash, so it is kept to tens of MiB.
    /// </summary>
    public int WalCheckpointPages { get; init; } = 16_384;

    /// <summary>
    /// WAL file size at which the writer checkpoints on its own thread before its next batch: the backstop when
    /// sustained writes never let the background checkpoint catch up (the WAL can only restart from its
    /// beginning once fully copied). Default 1 GiB: far above normal operation (the WAL is truncated back to
    /// 64 MiB when it restarts), low enough to bound disk use and crash recovery.
    /// </summary>
    public long MaxWalBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Read connections kept open when idle. Default 8: the relay runs a few query workers (about one per
    /// core) plus the ingest threads' duplicate checks; more readers than that are opened on demand and
    /// closed when returned.
    /// </summary>
    public int MaxIdleReaders { get; init; } = 8;

    /// <summary>
    /// Default bound on rows a query may read from the indexes before it stops and reports truncation
    /// (<see cref="QueryCursor.Truncated"/>). Default 50,000: twice the largest honest answer (50 filters × a
    /// limit of 500 = 25,000 events), so such a REQ completes even with rows shared between filters; at the
    /// ~2 µs per row measured on 1,000,000 events that is about 0.1 s of one worker, so an expensive REQ
    /// (a COUNT over a popular tag, a search) cannot hold a worker for seconds.
    /// </summary>
    public long MaxRowsScanned { get; init; } = 50_000;

    /// <summary>
    /// Most index streams one filter is split into (one per author and kind, per author, per kind or per
    /// tag value, each read newest first and merged). Default 256: a filter over a 256-author follow list
    /// still reads each author's newest events directly; above it the filter falls back to one scan in
    /// <c>created_at</c> order, which is the cheaper plan when the author set covers much of the traffic.
    /// </summary>
    public int MaxStreamsPerFilter { get; init; } = 256;

    /// <summary>Protocol limits (the default and maximum <c>limit</c> of a filter).</summary>
    public NostrLimits Limits { get; init; } = NostrLimits.Default;

    /// <summary>Clock for NIP-40 expiration checks at write time and for exports.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, FileName);

    /// <summary>Checks that every option is usable.</summary>
    /// <exception cref="ArgumentException">An option is empty, zero, negative or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            ThrowHelper.ThrowArgument("A data directory is required.", nameof(DataDirectory));
        }

        if (string.IsNullOrWhiteSpace(FileName) || FileName.IndexOfAny(['/', '\\']) >= 0)
        {
            ThrowHelper.ThrowArgument("The file name must be a plain file name.", nameof(FileName));
        }

        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(BusyTimeout), "Must be between 0 and int.MaxValue ms.");
        }

        RequireNonNegative(MmapSizeBytes, nameof(MmapSizeBytes));
        RequirePositive(WriterCacheKiB, nameof(WriterCacheKiB));
        RequirePositive(ReaderCacheKiB, nameof(ReaderCacheKiB));
        RequireNonNegative(MaxIdleReaders, nameof(MaxIdleReaders));
        RequirePositive(MaxRowsScanned, nameof(MaxRowsScanned));
        RequirePositive(WalCheckpointPages, nameof(WalCheckpointPages));
        RequirePositive(MaxWalBytes, nameof(MaxWalBytes));
        RequirePositive(MaxStreamsPerFilter, nameof(MaxStreamsPerFilter));
        ArgumentNullException.ThrowIfNull(Limits);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        Limits.Validate();
    }

    private static void RequirePositive(long value, string name)
    {
        if (value <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(name, "Must be positive.");
        }
    }

    private static void RequireNonNegative(long value, string name)
    {
        if (value < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(name, "Must not be negative.");
        }
    }
}
