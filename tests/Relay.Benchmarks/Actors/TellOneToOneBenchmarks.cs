using BenchmarkDotNet.Attributes;
using Relay.Actors;

namespace Relay.Benchmarks.Actors;

/// <summary>
/// One sender thread → one consumer on the thread pool, the same pre-allocated message object every time.
/// Baseline: a bare <see cref="Channel"/> loop (unbounded, single reader, async reader loop) — the least a
/// mailbox can cost. Allocation per message must be zero: the envelope is a struct in a reused segment,
/// and a mailbox run is scheduled as the mailbox itself (no closure).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TellOneToOneBenchmarks
{
    private const int Messages = 1_000_000;
    private static readonly object Message = new();

    private readonly Completion _completion = new();
    private ActorSystem _system = null!;
    private IActorRef _untyped = null!;
    private IActorRef _receive = null!;
    private ChannelConsumer _channel = null!;

    private sealed class CountingActor(Completion completion) : UntypedActor
    {
        protected override void OnReceive(object message) => completion.Count();
    }

    private sealed class CountingReceiveActor : ReceiveActor
    {
        public CountingReceiveActor(Completion completion) => ReceiveAny(_ => completion.Count());
    }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _untyped = _system.ActorOf(Props.Create(() => new CountingActor(_completion)));
        _receive = _system.ActorOf(Props.Create(() => new CountingReceiveActor(_completion)));
        _channel = new ChannelConsumer(_completion);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _channel.StopAsync();
        await _system.Terminate();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task Channel_loop()
    {
        var done = _completion.Arm(Messages);
        var writer = _channel.Writer;
        for (var i = 0; i < Messages; i++) writer.TryWrite(Message);
        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task UntypedActor_Tell()
    {
        var done = _completion.Arm(Messages);
        var actor = _untyped;
        for (var i = 0; i < Messages; i++) actor.Tell(Message, ActorRefs.NoSender);
        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task ReceiveActor_Tell()
    {
        var done = _completion.Arm(Messages);
        var actor = _receive;
        for (var i = 0; i < Messages; i++) actor.Tell(Message, ActorRefs.NoSender);
        return done;
    }
}
