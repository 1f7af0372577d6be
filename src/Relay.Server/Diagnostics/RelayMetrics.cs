using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Relay.Server.Diagnostics;

/// <summary>
/// The relay's metric catalogue: owns the <see cref="Meter"/> named <see cref="MeterName"/>, creates every
/// instrument the relay records, and offers one method per thing that happens (<see cref="ConnectionAccepted"/>,
/// <see cref="EventAccepted"/>, <see cref="RecordReqTimeToEose"/>...). Callers never pass free-form label
/// values: labels come from enums or bounded mappings, never a pubkey, address or subscription id.
/// docs/metrics.md is the reference for names, units and label sets.
/// </summary>
/// <remarks>
/// <para>Names follow the contract in the brief: snake_case without <c>_total</c> or unit suffix, unit in UCUM;
/// the exporter appends <c>_seconds</c>/<c>_bytes</c> and <c>_total</c>.</para>
/// <para>Every method is thread-safe and allocation-free; with no listener attached each costs a branch.</para>
/// <para>Labelled counters from closed sets start at zero, so the first increment is visible to
/// <c>rate()</c>/<c>increase()</c> and dashboards show 0 rather than "no data". Create this after the
/// <see cref="MetricsCollector"/> (DI does) or those zero series are not seen.</para>
/// </remarks>
public sealed partial class RelayMetrics
{
    /// <summary>The name of the relay's meter.</summary>
    public const string MeterName = "Relay";

    // Latencies a client sees: an indexed SQLite query or a WAL commit answers in well under a millisecond, a
    // batch adds its flush delay (milliseconds); 10 s covers a stalled disk. Beyond that only +Inf matters.
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    // A commit without fsync (WAL, synchronous=NORMAL) takes tens of microseconds, with fsync milliseconds.
    private static readonly double[] CommitBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    // Powers of two up to 1024: batches are bounded by the writer's maximum, a power of two in practice.
    private static readonly int[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    // Decades: rows scanned per query range from an id lookup (1) to a full scan of a large table.
    private static readonly long[] RowBuckets = [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _connectionsAccepted;
    private readonly Counter<long> _connectionsRefused;
    private readonly Counter<long> _handshakeFailures;
    private readonly Counter<long> _closes;
    private readonly Counter<long> _pingTimeouts;
    private readonly Counter<long> _slowConsumerCloses;
    private readonly Counter<long> _bytesReceived;
    private readonly Counter<long> _bytesSent;
    private readonly Counter<long> _deflateUncompressed;
    private readonly Counter<long> _deflateCompressed;
    private readonly Counter<long> _clientMessages;
    private readonly Counter<long> _relayMessages;
    private readonly Counter<long> _events;
    private readonly Counter<long> _eventsRejected;
    private readonly Counter<long> _deliveries;
    private readonly UpDownCounter<long> _subscriptions;
    private readonly Histogram<double> _reqTimeToEose;
    private readonly Histogram<double> _eventTimeToOk;
    private readonly Histogram<int> _writerBatchSize;
    private readonly Histogram<double> _writerCommitDuration;
    private readonly Histogram<long> _queryRowsScanned;
    private readonly Histogram<double> _queryDuration;
    private readonly Counter<long> _rateLimited;
    private readonly double _startTime;
    private readonly string _version;
    private Func<long?>? _databaseSize;
    private string? _dataDirectory;

    /// <summary>
    /// Creates the meter through <paramref name="meterFactory"/> and every instrument on it. The factory owns
    /// the meter and disposes it with the container; this type holds nothing to dispose.
    /// </summary>
    /// <param name="meterFactory">The container's factory: the meter belongs to it (see <see cref="MetricsCollector"/>).</param>
    /// <param name="timeProvider">Source of the process start time exported as <c>relay_start_time_seconds</c>.</param>
    public RelayMetrics(IMeterFactory meterFactory, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _startTime = (timeProvider ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        _version = typeof(RelayMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        Meter = meterFactory.Create(MeterName);
        var m = Meter;

        // Connections and WebSocket transport (relay_*).
        _connections = m.CreateUpDownCounter<long>("relay_connections", "{connection}", "WebSocket connections currently open.");
        _connectionsAccepted = m.CreateCounter<long>("relay_connections_accepted", "{connection}", "WebSocket upgrades completed, by negotiated compression.");
        _connectionsRefused = m.CreateCounter<long>("relay_connections_refused", "{connection}", "Connections refused before the upgrade, by reason.");
        _handshakeFailures = m.CreateCounter<long>("relay_ws_handshake_failures", "{request}", "WebSocket upgrade requests answered with an HTTP error, by status.");
        _closes = m.CreateCounter<long>("relay_ws_close", "{connection}", "Closed WebSocket connections, by close code and by who started the close.");
        _pingTimeouts = m.CreateCounter<long>("relay_ping_timeouts", "{connection}", "Connections closed because the client did not answer a ping in time.");
        _slowConsumerCloses = m.CreateCounter<long>("relay_slow_consumer_closes", "{connection}", "Connections closed because their pending outbound bytes passed the limit.");
        _bytesReceived = m.CreateCounter<long>("relay_ws_received", "By", "Bytes received on WebSocket connections after the upgrade, frame headers included.");
        _bytesSent = m.CreateCounter<long>("relay_ws_sent", "By", "Bytes sent on WebSocket connections after the upgrade, frame headers included.");
        _deflateUncompressed = m.CreateCounter<long>("relay_ws_deflate_uncompressed", "By", "Payload bytes of permessage-deflate messages before compression (out) or after decompression (in).");
        _deflateCompressed = m.CreateCounter<long>("relay_ws_deflate_compressed", "By", "Payload bytes of permessage-deflate messages as they travel compressed.");

        // Protocol (nostr_*).
        _clientMessages = m.CreateCounter<long>("nostr_client_messages", "{message}", "Messages received from clients, by verb.");
        _relayMessages = m.CreateCounter<long>("nostr_relay_messages", "{message}", "Messages sent to clients, by verb.");
        _events = m.CreateCounter<long>("nostr_events", "{event}", "Published events answered with OK, by kind class and result (accepted, duplicate, rejected).");
        _eventsRejected = m.CreateCounter<long>("nostr_events_rejected", "{event}", "Published events refused with OK false, by kind class and reason prefix.");
        _deliveries = m.CreateCounter<long>("nostr_deliveries", "{event}", "Events sent to subscriptions, stored (before EOSE) or live (fan-out).");
        _subscriptions = m.CreateUpDownCounter<long>("nostr_subscriptions", "{subscription}", "Subscriptions currently open (REQ without CLOSE or CLOSED).");
        _reqTimeToEose = m.CreateHistogram("nostr_req_time_to_eose", "s", "Time from receiving a REQ to sending its EOSE.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _eventTimeToOk = m.CreateHistogram("nostr_event_time_to_ok", "s", "Time from receiving an EVENT to sending its OK, by kind class.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });

        // Storage.
        _writerBatchSize = m.CreateHistogram("relay_writer_batch_size", "{event}", "Events written per writer transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchBuckets });
        _writerCommitDuration = m.CreateHistogram("relay_writer_commit_duration", "s", "Duration of one writer transaction, commit included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CommitBuckets });
        _queryRowsScanned = m.CreateHistogram("relay_query_rows_scanned", "{row}", "Rows the storage visited to answer one filter.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = RowBuckets });
        _queryDuration = m.CreateHistogram("relay_query_duration", "s", "Duration of one storage query for a filter.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        m.CreateObservableGauge("relay_database_size", ObserveDatabaseSize, "By", "Size of the database files (main file and write-ahead log).");
        m.CreateObservableGauge("relay_data_volume_available", ObserveVolumeAvailable, "By", "Free bytes available to the relay on the data directory's file system.");
        m.CreateObservableGauge("relay_data_volume_size", ObserveVolumeSize, "By", "Total size of the data directory's file system.");

        // Abuse controls and process.
        _rateLimited = m.CreateCounter<long>("relay_rate_limited", "{message}", "Client messages refused by a rate limit, by limit.");
        m.CreateObservableGauge("relay_build_info", ObserveBuildInfo, description: "Always 1; labels give the relay version and the .NET runtime.");
        m.CreateObservableGauge("relay_start_time", () => _startTime, "s", "Start time of the relay process, seconds since the Unix epoch.");

        InitializeSeries();
    }

    /// <summary>The relay's meter; instruments of other parts of the server may be added to it.</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Sets the callback <c>relay_database_size_bytes</c> reads at each scrape (storage sets it when it opens
    /// the database). It returns the size in bytes, or null while unknown; it runs on the scrape thread.
    /// </summary>
    public void SetDatabaseSizeSource(Func<long?> source) => Volatile.Write(ref _databaseSize, source);

    /// <summary>Sets the directory whose file system <c>relay_data_volume_*_bytes</c> describe (<c>--data</c>).</summary>
    public void SetDataDirectory(string path) => Volatile.Write(ref _dataDirectory, Path.GetFullPath(path));

    private IEnumerable<Measurement<long>> ObserveDatabaseSize()
    {
        if (Volatile.Read(ref _databaseSize)?.Invoke() is { } size) yield return new Measurement<long>(size);
    }

    private IEnumerable<Measurement<long>> ObserveVolumeAvailable() => ObserveVolume(static d => d.AvailableFreeSpace);

    private IEnumerable<Measurement<long>> ObserveVolumeSize() => ObserveVolume(static d => d.TotalSize);

    private IEnumerable<Measurement<long>> ObserveVolume(Func<DriveInfo, long> read)
    {
        var directory = Volatile.Read(ref _dataDirectory);
        if (directory is null) yield break;
        long? value;
        try
        {
            // On Unix DriveInfo takes any path and reports the file system (statfs) it lives on.
            value = read(new DriveInfo(directory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            value = null;   // the directory vanished or is unreadable: no sample rather than a wrong one
        }
        if (value is { } known) yield return new Measurement<long>(known);
    }

    private IEnumerable<Measurement<int>> ObserveBuildInfo()
    {
        yield return new Measurement<int>(1, new("version", _version), new("runtime", RuntimeInformation.FrameworkDescription));
    }
}
