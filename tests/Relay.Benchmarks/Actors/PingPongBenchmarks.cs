using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Relay.Actors;

namespace Relay.Benchmarks.Actors;

/// <summary>
/// Pairs exchanging one message at a time (request/reply latency through the scheduler: every message
/// wakes the other side). Baseline: the same exchange between two async loops over bare channels.
/// One operation = one message.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class PingPongBenchmarks
{
    private const int Messages = 200_000;   // split among the pairs: one operation = one message
    private static readonly object Ball = new();

    private readonly Completion _completion = new();
    private ActorSystem _system = null!;
    private (IActorRef Ping, IActorRef Pong)[] _actorPairs = null!;
    private (Channel<object> ToPong, Channel<object> ToPing)[] _channelPairs = null!;
    private Task[] _channelLoops = null!;

    [Params(1, 4)]
    public int Pairs { get; set; }

    private int RoundTripsPerPair => Messages / 2 / Pairs;

    private sealed record Start(IActorRef Pong, int Rounds);

    private sealed class Ping(Completion completion) : UntypedActor
    {
        private int _left;

        protected override void OnReceive(object message)
        {
            if (message is Start start)
            {
                _left = start.Rounds;
                start.Pong.Tell(Ball, Self);
                return;
            }
            if (--_left > 0) Sender.Tell(Ball, Self);
            else completion.CountShared(1);
        }
    }

    private sealed class Pong : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _actorPairs = new (IActorRef, IActorRef)[Pairs];
        for (var p = 0; p < Pairs; p++)
            _actorPairs[p] = (_system.ActorOf(Props.Create(() => new Ping(_completion))), _system.ActorOf(Props.Create(() => new Pong())));

        _channelPairs = new (Channel<object>, Channel<object>)[Pairs];
        _channelLoops = new Task[Pairs * 2];
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true };
        for (var p = 0; p < Pairs; p++)
        {
            var toPong = Channel.CreateUnbounded<object>(options);
            var toPing = Channel.CreateUnbounded<object>(options);
            _channelPairs[p] = (toPong, toPing);
            _channelLoops[2 * p] = Task.Run(async () =>
            {
                while (await toPong.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (toPong.Reader.TryRead(out var m)) toPing.Writer.TryWrite(m);
                }
            });
            var completion = _completion;
            _channelLoops[(2 * p) + 1] = Task.Run(async () =>
            {
                var left = 0;
                while (await toPing.Reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (toPing.Reader.TryRead(out var m))
                    {
                        if (m is int rounds) left = rounds;
                        else if (--left == 0)
                        {
                            completion.CountShared(1);
                            continue;
                        }
                        toPong.Writer.TryWrite(Ball);
                    }
                }
            });
        }
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        foreach (var (toPong, toPing) in _channelPairs)
        {
            toPong.Writer.Complete();
            toPing.Writer.Complete();
        }
        await Task.WhenAll(_channelLoops);
        await _system.Terminate();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task Channel_ping_pong()
    {
        var done = _completion.Arm(Pairs);
        // The ping side starts a pair by receiving its round count on its own inbox.
        foreach (var (_, toPing) in _channelPairs) toPing.Writer.TryWrite(RoundTripsPerPair);
        return done;
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task Actor_ping_pong()
    {
        var done = _completion.Arm(Pairs);
        foreach (var (ping, pong) in _actorPairs) ping.Tell(new Start(pong, RoundTripsPerPair), ActorRefs.NoSender);
        return done;
    }
}
