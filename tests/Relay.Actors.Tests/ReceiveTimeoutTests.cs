namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ReceiveTimeoutSpec, driven by a manual clock.</summary>
public sealed class ReceiveTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private readonly ManualTimeProvider _clock;

    public ReceiveTimeoutTests()
        : this(new ManualTimeProvider())
    {
    }

    private ReceiveTimeoutTests(ManualTimeProvider clock)
        : base(new ActorSystemSettings { TimeProvider = clock }) => _clock = clock;

    private sealed record Quietly : INotInfluenceReceiveTimeout;

    private sealed class Idler : UntypedActor
    {
        private readonly IActorRef _probe;

        public Idler(IActorRef probe)
        {
            _probe = probe;
            Context.SetReceiveTimeout(Timeout);
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case ReceiveTimeout:
                    _probe.Tell("timeout", ActorRefs.NoSender);
                    break;
                case "off":
                    SetReceiveTimeout(null);
                    Sender.Tell("off");
                    break;
                case "what":
                    Sender.Tell(Context.ReceiveTimeout!);
                    break;
                case Quietly:
                    Sender.Tell("quiet");
                    break;
                default:
                    Sender.Tell("ack");
                    break;
            }
        }
    }

    private async Task<IActorRef> StartIdler()
    {
        var idler = Sys.ActorOf(Props.Create(() => new Idler(TestActor)));
        idler.Tell("ping");
        await ExpectMsgAsync("ack");
        return idler;
    }

    [Fact]
    public async Task ReceiveTimeout_arrives_after_the_idle_period_and_not_before()
    {
        var idler = await StartIdler();
        idler.Tell("what");
        Assert.Equal(Timeout, await ExpectMsgAsync<TimeSpan>());
        _clock.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await ExpectMsgAsync("timeout");
    }

    [Fact]
    public async Task ReceiveTimeout_repeats_while_the_actor_stays_idle()
    {
        await StartIdler();
        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(Timeout);
            await ExpectMsgAsync("timeout");
        }
    }

    [Fact]
    public async Task A_message_resets_the_idle_period()
    {
        var idler = await StartIdler();
        _clock.Advance(Timeout / 2);
        idler.Tell("ping");
        await ExpectMsgAsync("ack");
        _clock.Advance(Timeout / 2 + TimeSpan.FromSeconds(1));
        await ExpectNoMsgAsync(Quiet);
        _clock.Advance(Timeout / 2);
        await ExpectMsgAsync("timeout");
    }

    [Fact]
    public async Task A_NotInfluenceReceiveTimeout_message_does_not_reset_the_idle_period()
    {
        var idler = await StartIdler();
        _clock.Advance(Timeout / 2);
        idler.Tell(new Quietly());
        await ExpectMsgAsync("quiet");
        _clock.Advance(Timeout / 2);
        await ExpectMsgAsync("timeout");
    }

    [Fact]
    public async Task Setting_the_timeout_to_null_turns_it_off()
    {
        var idler = await StartIdler();
        idler.Tell("off");
        await ExpectMsgAsync("off");
        _clock.Advance(Timeout * 5);
        await ExpectNoMsgAsync(Quiet);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Stopping_the_actor_cancels_its_receive_timeout()
    {
        var idler = await StartIdler();
        Watch(idler);
        Sys.Stop(idler);
        await ExpectTerminatedAsync(idler);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }
}
