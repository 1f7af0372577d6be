using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Relay.Actors.Tests;

/// <summary>The kernel's instruments on the Relay.Actors meter, observed with a MeterListener.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Actor), long> _counters = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Actor), long> _gauges = new();
    private readonly ActorSystem _system;

    public MetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        // Only this test's meter: other tests' systems have meters of the same name.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == "Relay.Actors")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? actor = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "actor") actor = tag.Value as string;
            }
            if (instrument is ObservableGauge<long>) _gauges[(instrument.Name, actor)] = value;
            else _counters.AddOrUpdate((instrument.Name, actor), value, (_, old) => old + value);
        });
        _listener.Start();
        _system = ActorSystem.Create("metered", new ActorSystemSettings { MeterFactory = factory });
    }

    public void Dispose()
    {
        _system.Dispose();
        _listener.Dispose();
        _services.Dispose();
    }

    private sealed class HeldActor : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Gate.Hold hold) hold.Gate.Pass();
        }
    }

    private long Counter(string name, string? actor = null) => _counters.GetValueOrDefault((name, actor));

    private async Task<long> Eventually(Func<long> read, long expected)
    {
        for (var i = 0; i < 200 && read() != expected; i++) await Task.Delay(10);
        return read();
    }

    [Fact]
    public async Task Overflow_counts_relay_mailbox_dropped_per_actor_class_and_relay_dead_letters()
    {
        using var gate = new Gate();
        var actor = _system.ActorOf(Props.Create(() => new HeldActor()).WithMailbox(new BoundedMailbox(2)));
        actor.Tell(new Gate.Hold(gate), ActorRefs.NoSender);
        await gate.Entered();
        for (var i = 0; i < 5; i++) actor.Tell(i, ActorRefs.NoSender);
        Assert.Equal(3, Counter("relay_mailbox_dropped", nameof(HeldActor)));
        Assert.Equal(3, Counter("relay_dead_letters"));
        gate.Open();
    }

    [Fact]
    public async Task relay_mailbox_depth_sums_the_queued_messages_per_actor_class()
    {
        using var gate1 = new Gate();
        using var gate2 = new Gate();
        var a = _system.ActorOf(Props.Create(() => new HeldActor()));
        var b = _system.ActorOf(Props.Create(() => new HeldActor()));
        a.Tell(new Gate.Hold(gate1), ActorRefs.NoSender);
        b.Tell(new Gate.Hold(gate2), ActorRefs.NoSender);
        await gate1.Entered();
        await gate2.Entered();
        for (var i = 0; i < 4; i++) a.Tell(i, ActorRefs.NoSender);
        for (var i = 0; i < 3; i++) b.Tell(i, ActorRefs.NoSender);
        _listener.RecordObservableInstruments();
        Assert.Equal(7, _gauges[("relay_mailbox_depth", nameof(HeldActor))]);
        gate1.Open();
        gate2.Open();
        var drained = await Eventually(() =>
        {
            _listener.RecordObservableInstruments();
            return _gauges[("relay_mailbox_depth", nameof(HeldActor))];
        }, 0);
        Assert.Equal(0, drained);
    }

    [Fact]
    public async Task A_message_to_a_stopped_actor_counts_one_dead_letter()
    {
        var actor = _system.ActorOf(Props.Create(() => new HeldActor()));
        var probe = new TestProbe(_system);
        probe.Watch(actor);
        _system.Stop(actor);
        await probe.ExpectTerminatedAsync(actor);
        var before = Counter("relay_dead_letters");
        actor.Tell("late", ActorRefs.NoSender);
        Assert.Equal(before + 1, Counter("relay_dead_letters"));
    }
}
