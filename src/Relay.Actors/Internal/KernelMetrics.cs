using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Relay.Actors.Internal;

/// <summary>
/// The kernel's instruments on the <c>Relay.Actors</c> meter (names per the metrics contract: snake_case,
/// no <c>_total</c>, unit as UCUM): <c>relay_mailbox_dropped</c> (tag <c>actor</c>),
/// <c>relay_dead_letters</c>, and the observable gauge <c>relay_mailbox_depth</c> (tag <c>actor</c>).
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class KernelMetrics : IDisposable
{
    public const string MeterName = "Relay.Actors";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _deadLetters;
    private readonly ConcurrentDictionary<Type, ActorTypeStats> _types = new();

    public KernelMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _dropped = _meter.CreateCounter<long>("relay_mailbox_dropped", "{message}",
            "Messages a full bounded mailbox refused (each also counted as a dead letter)");
        _deadLetters = _meter.CreateCounter<long>("relay_dead_letters", "{message}",
            "Messages that reached no actor: stopped recipient, mailbox overflow, or sent to dead letters");
        _meter.CreateObservableGauge("relay_mailbox_depth", ObserveDepth, "{message}",
            "User messages waiting in mailboxes, summed per actor class");
    }

    public ActorTypeStats Register(Type actorType, Mailbox mailbox)
    {
        var stats = _types.GetOrAdd(actorType, static t => new ActorTypeStats(t.Name));
        stats.Add(mailbox);
        return stats;
    }

    public void MailboxDropped(ActorTypeStats stats) => _dropped.Add(1, stats.Tag);

    public void DeadLetter() => _deadLetters.Add(1);

    private IEnumerable<Measurement<long>> ObserveDepth()
    {
        foreach (var stats in _types.Values) yield return new Measurement<long>(stats.Depth(), stats.Tag);
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
