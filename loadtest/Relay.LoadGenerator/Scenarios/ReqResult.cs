using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Outcome of <c>relay-load req</c>.</summary>
internal sealed record ReqResult : IScenarioResult
{
    /// <inheritdoc />
    public string Scenario => "req";

    /// <summary>REQs asked for.</summary>
    public int Queries { get; init; }

    /// <summary>REQs sent.</summary>
    public long Sent { get; init; }

    /// <summary>REQs answered with EOSE.</summary>
    public long Eose { get; init; }

    /// <summary>REQs answered with CLOSED, by the message's prefix.</summary>
    public required IReadOnlyDictionary<string, long> ClosedByRelay { get; init; }

    /// <summary>REQs without an answer within the per-query timeout.</summary>
    public long QueryTimeouts { get; init; }

    /// <summary>Stored events received before EOSE, over all REQs.</summary>
    public long EventsReceived { get; init; }

    /// <summary>Connections that could not be opened, by reason.</summary>
    public required IReadOnlyDictionary<string, long> ConnectFailures { get; init; }

    /// <summary>Connections the relay ended during the run.</summary>
    public long ConnectionsLost { get; init; }

    /// <summary>Whether the run's timeout cut it short.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Seconds from the first REQ to the last answer.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>EOSEs per second.</summary>
    public double QueriesPerSecond { get; init; }

    /// <summary>Time to EOSE, median, ms.</summary>
    public double TimeToEoseP50Ms { get; init; }

    /// <summary>Time to EOSE, 90th percentile, ms.</summary>
    public double TimeToEoseP90Ms { get; init; }

    /// <summary>Time to EOSE, 99th percentile, ms.</summary>
    public double TimeToEoseP99Ms { get; init; }

    /// <summary>Slowest time to EOSE, ms.</summary>
    public double TimeToEoseMaxMs { get; init; }

    /// <inheritdoc />
    public bool Complete => !TimedOut && Eose == Queries && ConnectFailures.Count == 0 && ConnectionsLost == 0;

    /// <inheritdoc />
    public IEnumerable<(string Label, string Value)> Rows()
    {
        yield return ("queries", $"{ReportWriter.Number(Sent)} sent of {ReportWriter.Number(Queries)}");
        yield return ("EOSE", ReportWriter.Number(Eose));
        yield return ("CLOSED", ReportWriter.Breakdown(ClosedByRelay));
        yield return ("query timeouts", ReportWriter.Number(QueryTimeouts));
        yield return ("events received", $"{ReportWriter.Number(EventsReceived)} ({ReportWriter.Number(Eose > 0 ? (double)EventsReceived / Eose : 0, 1)} per query)");
        if (ConnectFailures.Count > 0)
            yield return ("connect failures", ReportWriter.Breakdown(ConnectFailures));
        if (ConnectionsLost > 0)
            yield return ("connections lost", ReportWriter.Number(ConnectionsLost));
        if (TimedOut)
            yield return ("timed out", "yes");
        yield return ("elapsed", $"{ReportWriter.Number(ElapsedSeconds, 3)} s");
        yield return ("queries/s", ReportWriter.Number(QueriesPerSecond));
        yield return ("time to EOSE p50 / p90 / p99 / max",
            $"{ReportWriter.Number(TimeToEoseP50Ms, 2)} / {ReportWriter.Number(TimeToEoseP90Ms, 2)} / {ReportWriter.Number(TimeToEoseP99Ms, 2)} / {ReportWriter.Number(TimeToEoseMaxMs, 2)} ms");
    }
}
