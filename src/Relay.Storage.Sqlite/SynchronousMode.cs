namespace Relay.Storage.Sqlite;

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c> in WAL mode: when a commit reaches stable storage. Both modes keep
/// the database consistent; they differ in which committed transactions survive which failure.
/// </summary>
public enum SynchronousMode
{
    /// <summary>
    /// <c>NORMAL</c>: a commit is written to the WAL file (the operating system's page cache) before
    /// <c>WriteBatch</c> returns, and the WAL is fsynced at checkpoints. Survives the relay process being
    /// killed (<c>kill -9</c>, a crash, an OOM kill) because the kernel still holds the written pages;
    /// the last transactions before a power loss or kernel panic may be lost (never corrupted).
    /// </summary>
    Normal,

    /// <summary>
    /// <c>FULL</c>: the WAL is fsynced at every commit, so a committed batch also survives power loss —
    /// at the cost of one fsync per batch.
    /// </summary>
    Full,
}
