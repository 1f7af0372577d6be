namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's TimerSpec, driven by a manual clock.</summary>
public sealed class TimerTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _clock;

    public TimerTests()
        : this(new ManualTimeProvider())
    {
    }

    private TimerTests(ManualTimeProvider clock)
        : base(new ActorSystemSettings { TimeProvider = clock }) => _clock = clock;

    private sealed record StartSingle(string Key, object Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, object Message, TimeSpan Interval, TimeSpan? InitialDelay = null);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed class Ticker(IActorRef probe) : UntypedActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case StartSingle s:
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                    Sender.Tell("ok");
                    break;
                case StartPeriodic p when p.InitialDelay is { } initial:
                    Timers.StartPeriodicTimer(p.Key, p.Message, initial, p.Interval);
                    Sender.Tell("ok");
                    break;
                case StartPeriodic p:
                    Timers.StartPeriodicTimer(p.Key, p.Message, p.Interval);
                    Sender.Tell("ok");
                    break;
                case CancelTimer c:
                    Timers.Cancel(c.Key);
                    Sender.Tell("ok");
                    break;
                case "cancel-all":
                    Timers.CancelAll();
                    Sender.Tell("ok");
                    break;
                case IsActive a:
                    Sender.Tell(Timers.IsTimerActive(a.Key));
                    break;
                case "keys":
                    Sender.Tell(Timers.ActiveTimers.Cast<string>().Order().ToArray());
                    break;
                case Gate.Hold hold:
                    hold.Gate.Pass();
                    break;
                case "fail":
                    throw new InvalidOperationException("restart");
                default:
                    probe.Tell(message, ActorRefs.NoSender);
                    break;
            }
        }
    }

    private async Task<IActorRef> TickerWith(object command)
    {
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)));
        ticker.Tell(command);
        await ExpectMsgAsync("ok");
        return ticker;
    }

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task A_single_timer_delivers_its_message_once_after_the_delay()
    {
        var ticker = await TickerWith(new StartSingle("t", "tick", TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await ExpectMsgAsync("tick");
        _clock.Advance(TimeSpan.FromSeconds(10));
        await ExpectNoMsgAsync(Quiet);
        ticker.Tell(new IsActive("t"));
        Assert.False(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task A_periodic_timer_repeats_at_its_interval()
    {
        var ticker = await TickerWith(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(3));
        for (var i = 0; i < 3; i++) await ExpectMsgAsync("tick");
        await ExpectNoMsgAsync(Quiet);
        ticker.Tell(new IsActive("p"));
        Assert.True(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task A_periodic_timer_waits_its_initial_delay_first()
    {
        await TickerWith(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await ExpectMsgAsync("tick");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("tick");
    }

    [Fact]
    public async Task Starting_a_timer_with_a_key_in_use_replaces_the_old_one()
    {
        var ticker = await TickerWith(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        ticker.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(2)));
        await ExpectMsgAsync("ok");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("new");
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task A_replaced_timers_message_already_in_the_mailbox_is_never_delivered()
    {
        using var gate = new Gate();
        var ticker = await TickerWith(new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        ticker.Tell(new Gate.Hold(gate));
        await gate.Entered();
        ticker.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));   // "old" fires now: it is queued behind the replacement
        gate.Open();
        await ExpectMsgAsync("ok");
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("new");
    }

    [Fact]
    public async Task A_cancelled_timers_message_already_in_the_mailbox_is_never_delivered()
    {
        using var gate = new Gate();
        var ticker = await TickerWith(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1)));
        ticker.Tell(new Gate.Hold(gate));
        await gate.Entered();
        ticker.Tell(new CancelTimer("k"));
        _clock.Advance(TimeSpan.FromSeconds(3));   // three ticks queued behind the cancellation
        gate.Open();
        await ExpectMsgAsync("ok");
        await ExpectNoMsgAsync(Quiet);
        ticker.Tell(new IsActive("k"));
        Assert.False(await ExpectMsgAsync<bool>());
    }

    [Fact]
    public async Task CancelAll_cancels_every_timer()
    {
        var ticker = await TickerWith(new StartPeriodic("a", "a", TimeSpan.FromSeconds(1)));
        ticker.Tell(new StartSingle("b", "b", TimeSpan.FromSeconds(2)));
        await ExpectMsgAsync("ok");
        ticker.Tell("keys");
        Assert.Equal(["a", "b"], await ExpectMsgAsync<string[]>());
        ticker.Tell("cancel-all");
        await ExpectMsgAsync("ok");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await ExpectNoMsgAsync(Quiet);
        ticker.Tell("keys");
        Assert.Empty(await ExpectMsgAsync<string[]>());
    }

    [Fact]
    public async Task Several_timers_at_once_fire_cancel_and_replace_independently_of_which_started_first()
    {
        var ticker = await TickerWith(new StartSingle("a", "a1", TimeSpan.FromSeconds(1)));
        foreach (var command in new object[]
        {
            new StartSingle("b", "b1", TimeSpan.FromSeconds(2)),
            new StartSingle("c", "c1", TimeSpan.FromSeconds(3)),
            new CancelTimer("a"),                                   // the first one started
            new StartSingle("d", "d1", TimeSpan.FromSeconds(4)),    // started after a cancellation
            new StartSingle("b", "b2", TimeSpan.FromSeconds(5)),    // replaces "b"
        })
        {
            ticker.Tell(command);
            await ExpectMsgAsync("ok");
        }
        ticker.Tell("keys");
        Assert.Equal(["b", "c", "d"], await ExpectMsgAsync<string[]>());
        ticker.Tell(new IsActive("a"));
        Assert.False(await ExpectMsgAsync<bool>());

        _clock.Advance(TimeSpan.FromSeconds(3));
        await ExpectMsgAsync("c1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("d1");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("b2");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await ExpectNoMsgAsync(Quiet);
        ticker.Tell("keys");
        Assert.Empty(await ExpectMsgAsync<string[]>());
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var ticker = await TickerWith(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        ticker.Tell("fail");
        ticker.Tell(new IsActive("p"));
        Assert.False(await ExpectMsgAsync<bool>());
        Assert.Equal(0, _clock.ActiveTimerCount);
        _clock.Advance(TimeSpan.FromSeconds(3));
        await ExpectNoMsgAsync(Quiet);
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        var ticker = await TickerWith(new StartPeriodic("p", "tick", TimeSpan.FromSeconds(1)));
        Watch(ticker);
        Sys.Stop(ticker);
        await ExpectTerminatedAsync(ticker);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    private sealed class StartsInConstructor : UntypedActor, IWithTimers
    {
        private readonly IActorRef _probe;

        public StartsInConstructor(IActorRef probe)
        {
            _probe = probe;
            Timers.StartSingleTimer("init", "from constructor", TimeSpan.FromSeconds(1));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void OnReceive(object message) => _probe.Tell(message, ActorRefs.NoSender);
    }

    [Fact]
    public async Task Timers_can_be_started_in_the_constructor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StartsInConstructor(TestActor)));
        actor.Tell("ready");
        await ExpectMsgAsync("ready");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("from constructor");
    }
}
