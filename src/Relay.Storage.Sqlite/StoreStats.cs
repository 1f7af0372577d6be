namespace Relay.Storage.Sqlite;

/// <summary>Size and content of the store, for metrics.</summary>
/// <param name="EventCount">Stored events (including expired ones the purge has not removed yet).</param>
/// <param name="DatabaseBytes">Size of the database file.</param>
/// <param name="WalBytes">Size of the write-ahead log (<c>-wal</c> file); 0 when absent.</param>
public readonly record struct StoreStats(long EventCount, long DatabaseBytes, long WalBytes)
{
    /// <summary>Bytes on disk: database plus WAL.</summary>
    public long TotalBytes => DatabaseBytes + WalBytes;
}
