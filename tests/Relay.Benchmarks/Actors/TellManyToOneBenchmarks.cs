using BenchmarkDotNet.Attributes;
using Relay.Actors;

namespace Relay.Benchmarks.Actors;

/// <summary>
/// Several sender threads → one consumer (the relay's broadcast and writer actors see this shape).
/// Baseline: a bare multi-writer <see cref="Channel"/> loop with the same senders.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TellManyToOneBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Message = new();

    private readonly Completion _completion = new();
    private ActorSystem _system = null!;
    private IActorRef _actor = null!;
    private ChannelConsumer _channel = null!;

    [Params(4)]
    public int Senders { get; set; }

    private sealed class CountingActor(Completion completion) : UntypedActor
    {
        protected override void OnReceive(object message) => completion.Count();
    }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _actor = _system.ActorOf(Props.Create(() => new CountingActor(_completion)));
        _channel = new ChannelConsumer(_completion);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _channel.StopAsync();
        await _system.Terminate();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public async Task Channel_loop()
    {
        var done = _completion.Arm(Messages);
        var writer = _channel.Writer;
        await RunSenders(() =>
        {
            for (var i = 0; i < Messages / Senders; i++) writer.TryWrite(Message);
        });
        await done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task Actor_Tell()
    {
        var done = _completion.Arm(Messages);
        var actor = _actor;
        await RunSenders(() =>
        {
            for (var i = 0; i < Messages / Senders; i++) actor.Tell(Message, ActorRefs.NoSender);
        });
        await done;
    }

    private Task RunSenders(Action send)
    {
        var senders = new Task[Senders];
        for (var s = 0; s < Senders; s++) senders[s] = Task.Run(send);
        return Task.WhenAll(senders);
    }
}
