using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Outcome of <c>relay-load fanout</c>.</summary>
internal sealed record FanoutResult : IScenarioResult
{
    /// <inheritdoc />
    public string Scenario => "fanout";

    /// <summary>Subscriptions requested.</summary>
    public int Subscribers { get; init; }

    /// <summary>Subscriber connections opened.</summary>
    public int Connections { get; init; }

    /// <summary>Subscriptions that got EOSE.</summary>
    public long Subscribed { get; init; }

    /// <summary>Subscriptions the relay answered with CLOSED.</summary>
    public long ClosedByRelay { get; init; }

    /// <summary>Subscriber connections that could not be opened, by reason.</summary>
    public required IReadOnlyDictionary<string, long> ConnectFailures { get; init; }

    /// <summary>Subscriber connections the relay ended during the run.</summary>
    public long ConnectionsLost { get; init; }

    /// <summary>Events prepared and the publisher's OK counts.</summary>
    public required PublishResult Publish { get; init; }

    /// <summary>Subscriptions × accepted events: every delivery expected.</summary>
    public long ExpectedDeliveries { get; init; }

    /// <summary>Deliveries of our events received.</summary>
    public long Deliveries { get; init; }

    /// <summary>EVENTs for ids we did not publish.</summary>
    public long ForeignEvents { get; init; }

    /// <summary>Whether the timeout cut the run short.</summary>
    public bool TimedOut { get; init; }

    /// <summary>Seconds from the first publish to the last delivery.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Deliveries per second over <see cref="ElapsedSeconds"/>.</summary>
    public double DeliveriesPerSecond { get; init; }

    /// <summary>Publish-to-delivery latency, median, ms.</summary>
    public double LatencyP50Ms { get; init; }

    /// <summary>Publish-to-delivery latency, 99th percentile, ms.</summary>
    public double LatencyP99Ms { get; init; }

    /// <summary>Largest publish-to-delivery latency, ms.</summary>
    public double LatencyMaxMs { get; init; }

    /// <summary>The relay's CPU seconds from the first publish to the last delivery (with <c>--relay-pid</c>).</summary>
    public double? RelayCpuSeconds { get; init; }

    /// <inheritdoc />
    public bool Complete => !TimedOut && ConnectFailures.Count == 0 && ConnectionsLost == 0 && Publish.Complete
        && Deliveries == ExpectedDeliveries && Subscribed == Subscribers;

    /// <inheritdoc />
    public IEnumerable<(string Label, string Value)> Rows()
    {
        yield return ("subscriptions", $"{ReportWriter.Number(Subscribers)} on {ReportWriter.Number(Connections)} connections");
        yield return ("subscribed (EOSE)", ReportWriter.Number(Subscribed));
        if (ClosedByRelay > 0)
            yield return ("CLOSED by relay", ReportWriter.Number(ClosedByRelay));
        if (ConnectFailures.Count > 0)
            yield return ("connect failures", ReportWriter.Breakdown(ConnectFailures));
        if (ConnectionsLost > 0)
            yield return ("connections lost", ReportWriter.Number(ConnectionsLost));
        yield return ("events published", $"{ReportWriter.Number(Publish.Sent)} ({ReportWriter.Number(Publish.Accepted)} accepted, {ReportWriter.Number(Publish.Missing)} missing OK)");
        yield return ("deliveries", $"{ReportWriter.Number(Deliveries)} of {ReportWriter.Number(ExpectedDeliveries)}");
        if (ForeignEvents > 0)
            yield return ("foreign events", ReportWriter.Number(ForeignEvents));
        if (TimedOut)
            yield return ("timed out", "yes");
        yield return ("elapsed", $"{ReportWriter.Number(ElapsedSeconds, 3)} s");
        yield return ("deliveries/s", ReportWriter.Number(DeliveriesPerSecond));
        yield return ("latency p50 / p99 / max", $"{ReportWriter.Number(LatencyP50Ms, 2)} / {ReportWriter.Number(LatencyP99Ms, 2)} / {ReportWriter.Number(LatencyMaxMs, 2)} ms");
        if (RelayCpuSeconds is { } cpu)
            yield return ("relay CPU", $"{ReportWriter.Number(cpu, 2)} s");
        yield return ("load generator CPU", $"{ReportWriter.Number(Publish.LoadGeneratorCpuSeconds, 2)} s");
    }
}
