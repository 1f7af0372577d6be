using System.Runtime.CompilerServices;

namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ActorWithStashSpec.</summary>
public sealed class StashTests : TestKit.TestKit
{
    /// <summary>Stashes everything until "open", then unstashes all and echoes.</summary>
    private sealed class Door : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "open":
                    Become(Open);
                    Stash.UnstashAll();
                    break;
                case "one":
                    Stash.Unstash();
                    break;
                case "twice":
                    Stash.Stash();
                    Stash.Stash();
                    break;
                case "count":
                    Sender.Tell(Stash.Count);
                    break;
                default:
                    Stash.Stash();
                    break;
            }
        }

        private void Open(object message) => Sender.Tell(message);
    }

    [Fact]
    public async Task Stashed_messages_are_processed_in_their_order_after_UnstashAll()
    {
        var door = Sys.ActorOf(Props.Create(() => new Door()));
        for (var i = 0; i < 5; i++) door.Tell(i);
        door.Tell("open");
        for (var i = 0; i < 5; i++) await ExpectMsgAsync(i);
        door.Tell("after");
        await ExpectMsgAsync("after");
    }

    [Fact]
    public async Task Unstashed_messages_go_before_messages_already_queued()
    {
        using var gate = new Gate();
        var actor = Sys.ActorOf(Props.Create(() => new GatedDoor()));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new Gate.Hold(gate));
        await gate.Entered();
        actor.Tell("open");   // queued while held…
        actor.Tell("c");      // …and so is c, behind it
        gate.Open();
        await ExpectMsgAsync("a");
        await ExpectMsgAsync("b");
        await ExpectMsgAsync("c");
    }

    private sealed class GatedDoor : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Gate.Hold hold:
                    hold.Gate.Pass();
                    break;
                case "open":
                    Become(m => Sender.Tell(m));
                    Stash.UnstashAll();
                    break;
                default:
                    Stash.Stash();
                    break;
            }
        }
    }

    [Fact]
    public async Task Unstash_moves_only_the_oldest_message()
    {
        var door = Sys.ActorOf(Props.Create(() => new Door()));
        door.Tell(1);
        door.Tell(2);
        door.Tell("one");      // 1 goes back to the front and is stashed again
        door.Tell("count");
        Assert.Equal(2, await ExpectMsgAsync<int>());
        door.Tell("open");
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(1);
    }

    [Fact]
    public async Task Stashing_the_same_message_twice_fails_with_IllegalActorStateException()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var door = await supervisor.Ask<IActorRef>(Props.Create(() => new Door()));
        door.Tell("twice");
        var decided = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(IllegalActorStateException), decided.ExceptionType);
    }

    private sealed class StashThenFail(IActorRef probe) : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void PreStart() => probe.Tell("started", ActorRefs.NoSender);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case int:
                    Stash.Stash();
                    break;
                case "fail":
                    throw new InvalidOperationException("restart me");
                default:
                    probe.Tell(message, ActorRefs.NoSender);
                    break;
            }
        }
    }

    private sealed class Unstashing(IActorRef probe, StrongBox<int> instances) : UntypedActor, IWithUnboundedStash
    {
        private readonly int _instance = Interlocked.Increment(ref instances.Value);

        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            if (message is "fail" && _instance == 1) throw new InvalidOperationException("restart me");
            if (message is int && _instance == 1) Stash.Stash();
            else probe.Tell(message, ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task Restart_puts_stashed_messages_back_at_the_front_of_the_mailbox()
    {
        var instances = new StrongBox<int>();
        var actor = Sys.ActorOf(Props.Create(() => new Unstashing(TestActor, instances)));
        actor.Tell(1);
        actor.Tell(2);
        actor.Tell("fail");
        actor.Tell("queued");
        // The new instance sees the stashed 1 and 2 first, then what was queued behind the failure.
        await ExpectMsgAsync(1);
        await ExpectMsgAsync(2);
        await ExpectMsgAsync("queued");
    }

    [Fact]
    public async Task Stashed_messages_become_dead_letters_when_the_actor_stops()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new StashThenFail(TestActor)));
        await ExpectMsgAsync("started");
        actor.Tell(7);
        actor.Tell(PoisonPill.Instance);
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal(7, deadLetter.Message);
        Assert.Equal(actor, deadLetter.Recipient);
    }

    private sealed class StashTerminated(IActorRef target, IActorRef probe) : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void PreStart() => Context.Watch(target);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Terminated:
                    Stash.Stash();
                    probe.Tell("stashed", ActorRefs.NoSender);
                    break;
                case "open":
                    Become(m =>
                    {
                        probe.Tell(m is Terminated ? "terminated again" : m, ActorRefs.NoSender);
                        return true;
                    });
                    Stash.UnstashAll();
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public async Task A_stashed_Terminated_is_received_again_after_unstashing()
    {
        var target = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new StashTerminated(target.Ref, TestActor)));
        actor.Tell("sync");
        await Task.Delay(20);
        Sys.Stop(target.Ref);
        await ExpectMsgAsync("stashed");
        actor.Tell("open");
        await ExpectMsgAsync("terminated again");
    }

    private sealed class Filtering : UntypedActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            if (message is "open")
            {
                Become(m => Sender.Tell(m));
                Stash.UnstashAll(e => e.Message is int i && i % 2 == 0);
            }
            else
            {
                Stash.Stash();
            }
        }
    }

    [Fact]
    public async Task UnstashAll_with_a_predicate_keeps_only_matching_messages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Filtering()));
        for (var i = 0; i < 6; i++) actor.Tell(i);
        actor.Tell("open");
        await ExpectMsgAsync(0);
        await ExpectMsgAsync(2);
        await ExpectMsgAsync(4);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unstashed_messages_keep_their_original_sender()
    {
        var door = Sys.ActorOf(Props.Create(() => new Door()));
        var probe = CreateTestProbe();
        door.Tell("from probe", probe.Ref);
        door.Tell("open");
        await probe.ExpectMsgAsync("from probe");
    }
}
