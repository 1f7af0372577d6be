using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Outcome of <c>relay-load connect-hold</c>.</summary>
internal sealed record ConnectHoldResult : IScenarioResult
{
    /// <inheritdoc />
    public string Scenario => "connect-hold";

    /// <summary>Connections asked for.</summary>
    public int Requested { get; init; }

    /// <summary>Connections opened.</summary>
    public long Opened { get; init; }

    /// <summary>Connections refused or failed, by reason (a relay's per-IP cap answers 429, its global cap 503).</summary>
    public required IReadOnlyDictionary<string, long> ConnectFailures { get; init; }

    /// <summary>Subscriptions that got EOSE (with --subscribe).</summary>
    public long Subscribed { get; init; }

    /// <summary>Held subscriptions the relay answered with CLOSED, by the message's prefix.</summary>
    public required IReadOnlyDictionary<string, long> ClosedByRelay { get; init; }

    /// <summary>Connections the relay ended while they were held.</summary>
    public long Lost { get; init; }

    /// <summary>Whether opening took longer than the timeout.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Seconds to open every connection.</summary>
    public double OpenSeconds { get; init; }

    /// <summary>Connections opened per second.</summary>
    public double ConnectionsPerSecond { get; init; }

    /// <summary>The relay's VmRSS before the first connection, bytes.</summary>
    public long? RelayRssBeforeBytes { get; init; }

    /// <summary>The relay's VmRSS after the settle delay, bytes.</summary>
    public long? RelayRssAfterBytes { get; init; }

    /// <summary>RSS growth divided by connections opened, bytes (the target: at most 16 KiB at 10,000).</summary>
    public double? RelayBytesPerConnection { get; init; }

    /// <summary>With --census: the relay's heap by type, types with at least ~one object per connection, largest first.</summary>
    public IReadOnlyList<HeapCensus.Entry>? Census { get; init; }

    /// <summary>With --census: why the census could not be taken.</summary>
    public string? CensusError { get; init; }

    /// <summary>Census rows shown in the table (all of them are in the JSON).</summary>
    private const int CensusRowsShown = 25;

    /// <inheritdoc />
    public bool Complete => !TimedOut && Opened == Requested && Lost == 0 && ConnectFailures.Count == 0 && ClosedByRelay.Count == 0;

    /// <inheritdoc />
    public IEnumerable<(string Label, string Value)> Rows()
    {
        yield return ("opened", $"{ReportWriter.Number(Opened)} of {ReportWriter.Number(Requested)}");
        if (ConnectFailures.Count > 0)
            yield return ("connect failures", ReportWriter.Breakdown(ConnectFailures));
        if (Subscribed > 0)
            yield return ("subscribed (EOSE)", ReportWriter.Number(Subscribed));
        if (ClosedByRelay.Count > 0)
            yield return ("CLOSED by relay", ReportWriter.Breakdown(ClosedByRelay));
        yield return ("lost while held", ReportWriter.Number(Lost));
        if (TimedOut)
            yield return ("timed out", "yes");
        yield return ("open time", $"{ReportWriter.Number(OpenSeconds, 2)} s ({ReportWriter.Number(ConnectionsPerSecond)}/s)");
        if (RelayRssBeforeBytes is { } before && RelayRssAfterBytes is { } after)
            yield return ("relay RSS before / after", $"{ReportWriter.Number(before / 1048576.0, 1)} / {ReportWriter.Number(after / 1048576.0, 1)} MiB");
        if (RelayBytesPerConnection is { } perConnection)
            yield return ("relay memory per connection", $"{ReportWriter.Number(perConnection / 1024, 2)} KiB");
        if (CensusError is not null)
            yield return ("heap census", CensusError);
        if (Census is { } census && Opened > 0)
        {
            var objects = census.Where(entry => entry.Type != "Free").Sum(entry => entry.Bytes);
            yield return ("heap census, per connection", $"{ReportWriter.Number(objects / (double)Opened)} B in types with ≥ 0.9 objects per connection (dead ones included)");
            foreach (var entry in census.Take(CensusRowsShown))
                yield return ($"  {ReportWriter.Number(entry.Bytes / (double)Opened)} B", $"{ReportWriter.Number(entry.Count / (double)Opened, 2)} × {entry.Type}");
        }
    }
}
