namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ActorBecomeTests, HotSwapSpec and ReceiveActorTests_Become.</summary>
public sealed class BecomeTests : TestKit.TestKit
{
    private sealed class Switcher : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "become":
                    Context.Become(m =>
                    {
                        if (m is "fail") throw new InvalidOperationException("restart me");
                        if (m is "unbecome") Context.UnbecomeStacked();
                        else Sender.Tell("B:" + m);
                        return true;
                    });
                    break;
                case "stack":
                    Context.BecomeStacked(m =>
                    {
                        if (m is "unbecome") Context.UnbecomeStacked();
                        else Sender.Tell("S:" + m);
                        return true;
                    });
                    break;
                default:
                    Sender.Tell("A:" + message);
                    break;
            }
        }
    }

    [Fact]
    public async Task Become_replaces_the_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));
        actor.Tell("x");
        await ExpectMsgAsync("A:x");
        actor.Tell("become");
        actor.Tell("x");
        await ExpectMsgAsync("B:x");
        actor.Tell("y");
        await ExpectMsgAsync("B:y");
    }

    [Fact]
    public async Task UnbecomeStacked_after_BecomeStacked_restores_the_previous_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));
        actor.Tell("stack");
        actor.Tell("x");
        await ExpectMsgAsync("S:x");
        actor.Tell("unbecome");
        actor.Tell("x");
        await ExpectMsgAsync("A:x");
    }

    [Fact]
    public async Task UnbecomeStacked_on_the_last_behaviour_restores_the_instances_own()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));
        actor.Tell("become");
        actor.Tell("x");
        await ExpectMsgAsync("B:x");
        actor.Tell("unbecome");
        actor.Tell("x");
        await ExpectMsgAsync("A:x");
    }

    [Fact]
    public async Task Become_then_stacked_behaviours_unwind_one_at_a_time_down_to_the_instances_own()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));
        actor.Tell("become");                 // B replaces A at the bottom
        actor.Tell("stack");                  // handled by B: "B:stack", nothing stacked
        await ExpectMsgAsync("B:stack");
        actor.Tell("unbecome");               // back to A
        actor.Tell("stack");                  // A stacks S
        actor.Tell("x");
        await ExpectMsgAsync("S:x");
        actor.Tell("unbecome");               // S off: A again
        actor.Tell("x");
        await ExpectMsgAsync("A:x");
    }

    [Fact]
    public async Task A_restarted_actor_starts_again_with_its_own_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Switcher()));
        actor.Tell("become");
        actor.Tell("x");
        await ExpectMsgAsync("B:x");
        actor.Tell("fail");                   // the default strategy restarts on InvalidOperationException
        actor.Tell("x");
        await ExpectMsgAsync("A:x");
    }

    private sealed class Counter : ReceiveActor
    {
        public Counter()
        {
            Receive<string>(s => s == "go", _ => Become(Counting));
            Receive<string>(s => Sender.Tell("idle:" + s));
        }

        private void Counting()
        {
            var count = 0;
            Receive<int>(i => Sender.Tell(count += i));
            Receive<string>(s => s == "stop", _ => BecomeStacked(Stopped));
        }

        private void Stopped()
        {
            Receive<string>(s => s == "resume", _ => UnbecomeStacked());
            ReceiveAny(m => Sender.Tell("stopped:" + m));
        }
    }

    [Fact]
    public async Task ReceiveActor_Become_installs_the_handlers_registered_by_the_configure_action()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Counter()));
        actor.Tell("x");
        await ExpectMsgAsync("idle:x");
        actor.Tell("go");
        actor.Tell(2);
        await ExpectMsgAsync(2);
        actor.Tell(3);
        await ExpectMsgAsync(5);
        actor.Tell("stop");
        actor.Tell(1);
        await ExpectMsgAsync("stopped:1");
        actor.Tell("resume");
        actor.Tell(1);
        await ExpectMsgAsync(6);
    }

    private sealed class UntypedSwitcher : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "flip") Become(Flipped);
            else Sender.Tell("plain");
        }

        private void Flipped(object message)
        {
            if (message is "flip") UnbecomeStacked();
            else Sender.Tell("flipped");
        }
    }

    [Fact]
    public async Task UntypedActor_Become_takes_an_UntypedReceive()
    {
        var actor = Sys.ActorOf(Props.Create(() => new UntypedSwitcher()));
        actor.Tell("flip");
        actor.Tell("x");
        await ExpectMsgAsync("flipped");
        actor.Tell("flip");
        actor.Tell("x");
        await ExpectMsgAsync("plain");
    }

    private sealed class BecomesInConstructor : ReceiveActor
    {
        public BecomesInConstructor()
        {
            Receive<string>(s => Sender.Tell("initial " + s));
            Become(Ready);
        }

        private void Ready()
        {
            Receive<string>(s => s == "back", _ => UnbecomeStacked());
            Receive<string>(s => Sender.Tell("ready " + s));
        }
    }

    private sealed class UntypedBecomesInConstructor : UntypedActor
    {
        public UntypedBecomesInConstructor() => Become(m => Sender.Tell("became " + m));

        protected override void OnReceive(object message) => Sender.Tell("initial " + message);
    }

    [Fact]
    public async Task Become_in_the_constructor_sets_the_first_behaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new BecomesInConstructor()));
        actor.Tell("x");
        await ExpectMsgAsync("ready x");
        actor.Tell("back");
        actor.Tell("y");
        await ExpectMsgAsync("initial y");
        var untyped = Sys.ActorOf(Props.Create(() => new UntypedBecomesInConstructor()));
        untyped.Tell("z");
        await ExpectMsgAsync("became z");
    }

    [Fact]
    public async Task A_message_the_current_behaviour_does_not_handle_is_published_as_UnhandledMessage()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new Counter()));
        actor.Tell("go");
        actor.Tell(1.5);
        var unhandled = await ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(1.5, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }
}
