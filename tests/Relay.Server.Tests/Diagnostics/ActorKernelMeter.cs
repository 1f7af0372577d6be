using System.Diagnostics.Metrics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>
/// The kernel metrics the brief's contract promises from Relay.Actors (issue 3, built in parallel): meter
/// "Relay.Actors" with counter relay_mailbox_dropped{actor}, counter relay_dead_letters and observable gauge
/// relay_mailbox_depth{actor}. The catalogue tests record through these names so the exporter, the docs and
/// the dashboard are checked against the contract; once the kernel lands, its own meter replaces this one.
/// </summary>
internal sealed class ActorKernelMeter
{
    private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);

    public ActorKernelMeter(IMeterFactory factory)
    {
        var meter = factory.Create("Relay.Actors");
        Dropped = meter.CreateCounter<long>("relay_mailbox_dropped", "{message}", "Messages dropped by a full mailbox, by actor type.");
        DeadLetters = meter.CreateCounter<long>("relay_dead_letters", "{message}", "Messages sent to stopped or unknown actors.");
        meter.CreateObservableGauge("relay_mailbox_depth", ObserveDepths, "{message}", "Messages waiting in mailboxes, by actor type.");
    }

    public Counter<long> Dropped { get; }

    public Counter<long> DeadLetters { get; }

    public void SetDepth(string actor, int depth)
    {
        lock (_depths) _depths[actor] = depth;
    }

    private Measurement<int>[] ObserveDepths()
    {
        lock (_depths)
            return _depths.Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("actor", d.Key))).ToArray();
    }
}
