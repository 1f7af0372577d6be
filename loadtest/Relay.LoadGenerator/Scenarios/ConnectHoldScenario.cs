using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Nostr;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>
/// <c>relay-load connect-hold</c>: opens and holds idle connections, and reads the relay's resident memory before the
/// first and after the last (plus a settle delay) to give its memory per idle connection. Matches
/// <c>loadtest/k6/connect-hold.js</c> (with <see cref="ConnectHoldSettings.Subscribe"/>).
/// </summary>
internal static class ConnectHoldScenario
{
    /// <summary>Handshakes in flight at once: the client serialises them per endpoint; this overlaps the REQs.</summary>
    private const int ConnectParallelism = 16;

    /// <summary>
    /// Descriptors besides the connections: the runtime, its epoll and event fds, stdio, assemblies and a margin for
    /// the relay's files when it is the one checked.
    /// </summary>
    private const int DescriptorMargin = 256;

    /// <summary>
    /// Problems that stop the run before it starts (our RLIMIT_NOFILE), and warnings (the relay's), as messages that
    /// say what to do.
    /// </summary>
    public static (List<string> Errors, List<string> Warnings) CheckLimits(int connections, int? relayPid)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var needed = connections + DescriptorMargin;
        // .NET raises its soft RLIMIT_NOFILE to the hard limit at startup, so what /proc shows is what we can use.
        if (ProcessProbe.OpenFilesLimit("self") is { } own && own < needed)
            errors.Add($"this process may open {own} files but {connections} connections need about {needed}: raise the limit (`ulimit -n 65536` in this shell, or the hard limit in /etc/security/limits.conf) and run again.");
        if (relayPid is { } pid && ProcessProbe.OpenFilesLimit(pid.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } relay && relay < needed)
            warnings.Add($"the relay (pid {pid}) may open only {relay} files: it will refuse connections past that; start it with a higher `ulimit -n`.");
        if (connections > 1_000)
            warnings.Add("every connection comes from one address: raise the relay's per-IP connection cap above the count (and its global cap), or it answers 429/503.");
        return (errors, warnings);
    }

    /// <summary>Runs the scenario (call <see cref="CheckLimits"/> first).</summary>
    public static async Task<ConnectHoldResult> RunAsync(ConnectHoldSettings settings, CancellationToken cancellationToken)
    {
        var time = settings.Time;
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var opening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var rssBefore = settings.RelayPid is { } pid ? ProcessProbe.ResidentBytes(pid) : null;

        var connections = new HeldConnection?[settings.Connections];
        var failures = new Dictionary<string, long>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        try
        {
            await Parallel.ForAsync(0, settings.Connections, new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = opening.Token },
                async (i, ct) =>
                {
                    var connect = await RelayConnector.ConnectAsync(settings.Url, time, ct).ConfigureAwait(false);
                    if (connect.Connection is not { } connection)
                    {
                        var reason = ConnectFailure.Describe(connect);
                        lock (failures)
                            failures[reason] = failures.GetValueOrDefault(reason) + 1;
                        return;
                    }

                    var heldConnection = new HeldConnection(connection, held.Token);
                    connections[i] = heldConnection;
                    if (settings.Subscribe)
                        await heldConnection.SubscribeAsync(settings.Tag, ct).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (opening.IsCancellationRequested)
        {
            // Reported as timed out with what opened.
        }

        var openSeconds = time.GetElapsedTime(started).TotalSeconds;
        var open = connections.OfType<HeldConnection>().ToList();
        long? rssAfter = null;
        IReadOnlyList<HeapCensus.Entry>? census = null;
        string? censusError = null;
        var lost = 0L;
        try
        {
            await Task.Delay(settings.Settle, time, cancellationToken).ConfigureAwait(false);
            rssAfter = settings.RelayPid is { } pid2 ? ProcessProbe.ResidentBytes(pid2) : null;
            if (settings.Census && settings.RelayPid is { } pid3 && open.Count > 0)
            {
                // Types with about one object per connection or more: what each connection carries. 0.9, not 1, so
                // a type a few connections have not created yet still shows.
                var minimum = Math.Max(1, (long)(open.Count * 0.9));
                (census, censusError) = await Task.Run(() => HeapCensus.TakeAsync(pid3, minimum, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(settings.Hold, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lost = open.Count(c => c.Lost);
            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (connection, _) => await connection.CloseAsync().ConfigureAwait(false)).ConfigureAwait(false);
            await held.CancelAsync().ConfigureAwait(false);
        }

        return new ConnectHoldResult
        {
            Requested = settings.Connections,
            Opened = open.Count,
            ConnectFailures = failures,
            Subscribed = open.Count(c => c.Subscribed),
            ClosedByRelay = open.Where(c => c.ClosedReason is not null)
                .GroupBy(c => ReplyPrefix.Of(c.ClosedReason!), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => (long)group.Count(), StringComparer.Ordinal),
            Lost = lost,
            TimedOut = timeout.IsCancellationRequested,
            OpenSeconds = openSeconds,
            ConnectionsPerSecond = openSeconds > 0 ? open.Count / openSeconds : 0,
            RelayRssBeforeBytes = rssBefore,
            RelayRssAfterBytes = rssAfter,
            RelayBytesPerConnection = rssBefore is { } before && rssAfter is { } after && open.Count > 0 ? (after - before) / (double)open.Count : null,
            Census = census,
            CensusError = censusError,
        };
    }
}
