namespace Relay.Server.Configuration;

/// <summary>The query workers.</summary>
public sealed class QueryOptions
{
    /// <summary>Query worker actors, each on its own thread with its own read connection while a query runs. Default 2:
    /// one per core; SQLite reads from the page cache are CPU-bound.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Events a worker reads for one REQ before turning to the next queued one (time slicing). Default 64:
    /// ~100 µs of work, so a REQ for 500 events cannot hold a small one back by more than that per turn.</summary>
    public int SliceEvents { get; set; } = 64;

    /// <summary>Index rows one REQ may visit before its stored part ends (EOSE). Default 50,000, the storage default:
    /// ~50 ms of scanning, far beyond any indexed query.</summary>
    public long MaxRowsScanned { get; set; } = 50_000;

    /// <summary>Live events buffered for a subscription while its stored part is still being sent. Default 1,000; a
    /// subscription that overflows it is ended with <c>CLOSED "error: ..."</c> rather than buffering without bound.</summary>
    public int MaxBufferedLiveEvents { get; set; } = 1_000;

    internal void Validate()
    {
        RelayOptions.RequirePositive(Workers, nameof(Workers));
        RelayOptions.RequirePositive(SliceEvents, nameof(SliceEvents));
        RelayOptions.RequirePositive(MaxRowsScanned, nameof(MaxRowsScanned));
        RelayOptions.RequirePositive(MaxBufferedLiveEvents, nameof(MaxBufferedLiveEvents));
    }
}
