namespace Relay.Server.Diagnostics;

// Storage and abuse controls: relay_writer_batch_size, relay_writer_commit_duration_seconds,
// relay_query_rows_scanned, relay_query_duration_seconds, relay_rate_limited_total.
public sealed partial class RelayMetrics
{
    private static readonly KeyValuePair<string, object?>[] RateLimitTags =
        Internal.MetricLabels.Tags("limit", Internal.MetricLabels.RateLimits);

    /// <summary>
    /// One writer transaction committed: its size in <c>relay_writer_batch_size</c> and its duration in
    /// <c>relay_writer_commit_duration_seconds</c>.
    /// </summary>
    public void RecordWriterBatch(int events, TimeSpan duration)
    {
        _writerBatchSize.Record(events);
        _writerCommitDuration.Record(duration.TotalSeconds);
    }

    /// <summary>
    /// One storage query for a filter: rows visited in <c>relay_query_rows_scanned</c>, duration in
    /// <c>relay_query_duration_seconds</c>.
    /// </summary>
    public void RecordQuery(long rowsScanned, TimeSpan duration)
    {
        _queryRowsScanned.Record(rowsScanned);
        _queryDuration.Record(duration.TotalSeconds);
    }

    /// <summary>A client message was refused by a rate limit: <c>relay_rate_limited_total{limit}</c>.</summary>
    public void RateLimited(RateLimit limit) => _rateLimited.Add(1, RateLimitTags[(int)limit]);
}
