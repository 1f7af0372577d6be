using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Outcome of <c>relay-load publish</c> (and of <c>seed</c>).</summary>
internal sealed record PublishResult : IScenarioResult
{
    /// <inheritdoc />
    public string Scenario { get; init; } = "publish";

    /// <summary>Events prepared.</summary>
    public long Events { get; init; }

    /// <summary>Publishing connections.</summary>
    public int Connections { get; init; }

    /// <summary>Events queued on a connection.</summary>
    public long Sent { get; init; }

    /// <summary>OK true (not duplicate).</summary>
    public long Accepted { get; init; }

    /// <summary>OK true "duplicate:".</summary>
    public long Duplicates { get; init; }

    /// <summary>OK false, by prefix.</summary>
    public required IReadOnlyDictionary<string, long> Rejected { get; init; }

    /// <summary>Sent without an OK.</summary>
    public long Missing { get; init; }

    /// <summary>OKs for ids not sent or answered twice.</summary>
    public long Unexpected { get; init; }

    /// <summary>NOTICEs received.</summary>
    public long Notices { get; init; }

    /// <summary>Connections that failed to open, by reason.</summary>
    public required IReadOnlyDictionary<string, long> ConnectFailures { get; init; }

    /// <summary>Whether the timeout cut the run short.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Seconds from the first send to the last OK.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Accepted events per second over <see cref="ElapsedSeconds"/>.</summary>
    public double AcceptedPerSecond { get; init; }

    /// <summary>All OKs (accepted, duplicate, rejected) per second.</summary>
    public double OksPerSecond { get; init; }

    /// <summary>Publish-to-OK latency, median, ms.</summary>
    public double TimeToOkP50Ms { get; init; }

    /// <summary>Publish-to-OK latency, 99th percentile, ms.</summary>
    public double TimeToOkP99Ms { get; init; }

    /// <summary>The relay's user+system CPU seconds during the run (with <c>--relay-pid</c>).</summary>
    public double? RelayCpuSeconds { get; init; }

    /// <summary>The relay's CPU seconds per 10,000 accepted events.</summary>
    public double? RelayCpuSecondsPer10kEvents { get; init; }

    /// <summary>This process's CPU seconds during the run: on a shared 2-core machine the generator competes with the relay.</summary>
    public double LoadGeneratorCpuSeconds { get; init; }

    /// <inheritdoc />
    public bool Complete => !TimedOut && Missing == 0 && Sent == Events && ConnectFailures.Count == 0;

    /// <summary>Builds the result from the counts.</summary>
    public static PublishResult From(string scenario, long events, int connections, PublishCounts counts, TimeProvider time,
        bool timedOut, double? relayCpu, double generatorCpu)
    {
        var elapsed = counts.FirstSendTimestamp == 0 || counts.LastOkTimestamp == 0
            ? 0 : time.GetElapsedTime(counts.FirstSendTimestamp, counts.LastOkTimestamp).TotalSeconds;
        var oks = counts.Accepted + counts.Duplicates + counts.RejectedTotal;
        return new PublishResult
        {
            Scenario = scenario,
            Events = events,
            Connections = connections,
            Sent = counts.Sent,
            Accepted = counts.Accepted,
            Duplicates = counts.Duplicates,
            Rejected = counts.Rejected,
            Missing = counts.Missing,
            Unexpected = counts.Unexpected,
            Notices = counts.Notices,
            ConnectFailures = counts.ConnectFailures,
            TimedOut = timedOut,
            ElapsedSeconds = elapsed,
            AcceptedPerSecond = elapsed > 0 ? counts.Accepted / elapsed : 0,
            OksPerSecond = elapsed > 0 ? oks / elapsed : 0,
            TimeToOkP50Ms = counts.TimeToOk.PercentileMs(50),
            TimeToOkP99Ms = counts.TimeToOk.PercentileMs(99),
            RelayCpuSeconds = relayCpu,
            RelayCpuSecondsPer10kEvents = relayCpu is { } cpu && counts.Accepted > 0 ? cpu * 10_000 / counts.Accepted : null,
            LoadGeneratorCpuSeconds = generatorCpu,
        };
    }

    /// <inheritdoc />
    public IEnumerable<(string Label, string Value)> Rows()
    {
        yield return ("events", ReportWriter.Number(Events));
        yield return ("connections", ReportWriter.Number(Connections));
        yield return ("sent", ReportWriter.Number(Sent));
        yield return ("accepted", ReportWriter.Number(Accepted));
        yield return ("duplicates", ReportWriter.Number(Duplicates));
        yield return ("rejected", ReportWriter.Breakdown(Rejected));
        yield return ("missing OK", ReportWriter.Number(Missing));
        if (Unexpected > 0)
            yield return ("unexpected OK", ReportWriter.Number(Unexpected));
        if (Notices > 0)
            yield return ("notices", ReportWriter.Number(Notices));
        if (ConnectFailures.Count > 0)
            yield return ("connect failures", ReportWriter.Breakdown(ConnectFailures));
        if (TimedOut)
            yield return ("timed out", "yes");
        yield return ("elapsed", $"{ReportWriter.Number(ElapsedSeconds, 3)} s");
        yield return ("accepted/s", ReportWriter.Number(AcceptedPerSecond));
        yield return ("OK/s", ReportWriter.Number(OksPerSecond));
        yield return ("time to OK p50 / p99", $"{ReportWriter.Number(TimeToOkP50Ms, 2)} / {ReportWriter.Number(TimeToOkP99Ms, 2)} ms");
        if (RelayCpuSeconds is { } cpu)
            yield return ("relay CPU", $"{ReportWriter.Number(cpu, 2)} s");
        if (RelayCpuSecondsPer10kEvents is { } per10k)
            yield return ("relay CPU per 10k events", $"{ReportWriter.Number(per10k, 3)} s ({ReportWriter.Number(per10k * 100, 1)} µs/event)");
        yield return ("load generator CPU", $"{ReportWriter.Number(LoadGeneratorCpuSeconds, 2)} s");
    }
}
