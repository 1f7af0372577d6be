namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's DeathWatchSpec: exactly one Terminated per watcher.</summary>
public sealed class DeathWatchTests : TestKit.TestKit
{
    private sealed record Wrapped(Terminated Terminated);

    /// <summary>Watches a target from its constructor and forwards everything (Terminated wrapped).</summary>
    private sealed class WatchAndForward(IActorRef target, IActorRef forwardTo) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(target);

        protected override void OnReceive(object message) =>
            forwardTo.Forward(message is Terminated t ? new Wrapped(t) : message);
    }

    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private IActorRef StartWatching(IActorRef target) =>
        Sys.ActorOf(Props.Create(() => new WatchAndForward(target, TestActor)));

    private async Task ExpectTerminationOf(IActorRef actor) =>
        await ExpectMsgAsync<Wrapped>(w => ReferenceEquals(w.Terminated.ActorRef, actor));

    [Fact]
    public async Task A_watcher_gets_one_Terminated_when_the_watched_actor_stops()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        StartWatching(terminal).Tell("hello");
        await ExpectMsgAsync("hello");
        terminal.Tell(PoisonPill.Instance);
        var wrapped = await ExpectMsgAsync<Wrapped>();
        Assert.Same(terminal, wrapped.Terminated.ActorRef);
        Assert.True(wrapped.Terminated.ExistenceConfirmed);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Watching_an_already_dead_actor_yields_one_Terminated_without_confirmed_existence()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()), "killed-actor");
        Watch(terminal);
        terminal.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(terminal);

        StartWatching(terminal);
        var wrapped = await ExpectMsgAsync<Wrapped>();
        Assert.Same(terminal, wrapped.Terminated.ActorRef);
        Assert.False(wrapped.Terminated.ExistenceConfirmed);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Every_watcher_gets_exactly_one_Terminated()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        var monitors = Enumerable.Range(0, 3).Select(_ => StartWatching(terminal)).ToList();
        foreach (var monitor in monitors)
        {
            monitor.Tell("sync");
            await ExpectMsgAsync("sync");
        }
        terminal.Tell(PoisonPill.Instance);
        for (var i = 0; i < 3; i++) await ExpectTerminationOf(terminal);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class WatchTwice(IActorRef target, IActorRef probe) : UntypedActor
    {
        protected override void PreStart()
        {
            Context.Watch(target);
            Context.Watch(target);
        }

        // A Terminated told to an actor that does not watch is dropped (Akka): wrap it for the probe.
        protected override void OnReceive(object message) =>
            probe.Tell(message is Terminated t ? new Wrapped(t) : message, ActorRefs.NoSender);
    }

    [Fact]
    public async Task Watching_the_same_actor_twice_delivers_one_Terminated()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        var watcher = Sys.ActorOf(Props.Create(() => new WatchTwice(terminal, TestActor)));
        watcher.Tell("sync");
        await ExpectMsgAsync("sync");
        Sys.Stop(terminal);
        await ExpectTerminationOf(terminal);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class WatchThenUnwatch(IActorRef target, IActorRef probe) : UntypedActor
    {
        protected override void PreStart()
        {
            Context.Watch(target);
            Context.Unwatch(target);
        }

        protected override void OnReceive(object message) =>
            probe.Tell(message is "ping" ? "pong" : message, ActorRefs.NoSender);
    }

    [Fact]
    public async Task No_Terminated_arrives_after_Unwatch()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        var watcher = Sys.ActorOf(Props.Create(() => new WatchThenUnwatch(terminal, TestActor)));
        var other = StartWatching(terminal);
        watcher.Tell("ping");
        await ExpectMsgAsync("pong");
        other.Tell("sync");
        await ExpectMsgAsync("sync");
        terminal.Tell(PoisonPill.Instance);
        await ExpectTerminationOf(terminal);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed class Watcher(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case WatchIt w:
                    Context.Watch(w.Target);
                    probe.Tell("watching", ActorRefs.NoSender);
                    break;
                case UnwatchIt u:
                    Context.Unwatch(u.Target);
                    break;
                case Gate.Hold hold:
                    hold.Gate.Pass();
                    break;
                case Terminated t:
                    probe.Tell(new Wrapped(t), ActorRefs.NoSender);
                    break;
                default:
                    probe.Tell(message, ActorRefs.NoSender);
                    break;
            }
        }
    }

    [Fact]
    public async Task A_Terminated_already_queued_is_discarded_by_Unwatch()
    {
        using var gate = new Gate();
        var target = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new WatchIt(target.Ref));
        await ExpectMsgAsync("watching");
        watcher.Tell(new Gate.Hold(gate));
        await gate.Entered();
        // While the watcher is held: the target dies (its notification is a system message, turned into a
        // Terminated behind UnwatchIt once the watcher runs again), and the unwatch request is queued.
        Watch(target.Ref);
        Sys.Stop(target.Ref);
        await ExpectTerminatedAsync(target.Ref);
        watcher.Tell(new UnwatchIt(target.Ref));
        gate.Open();
        watcher.Tell("after");
        await ExpectMsgAsync("after");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class IgnoresTerminated(IActorRef target) : UntypedActor
    {
        protected override void PreStart() => Context.Watch(target);

        protected override void OnReceive(object message) => Unhandled(message);
    }

    [Fact]
    public async Task A_watcher_that_does_not_handle_Terminated_fails_with_DeathPactException()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var terminal = await supervisor.Ask<IActorRef>(Props.Create(() => new Idle()));
        var brother = await supervisor.Ask<IActorRef>(Props.Create(() => new IgnoresTerminated(terminal)));
        Watch(brother);
        await Task.Delay(20);
        terminal.Tell(Kill.Instance);
        var killed = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(ActorKilledException), killed.ExceptionType);
        var pact = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(DeathPactException), pact.ExceptionType);
        await ExpectTerminatedAsync(brother);
    }

    private sealed class KnobKid : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "knob") Context.Stop(Self);
        }
    }

    private sealed class KnobParent(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is not "knob") return;
            var kid = Context.ActorOf(Props.Create(() => new KnobKid()), "kid");
            Context.Watch(kid);
            kid.Forward("knob");
            Context.Become(m =>
            {
                if (m is Terminated t && t.ActorRef.Equals(kid))
                {
                    probe.Tell("bonk", ActorRefs.NoSender);
                    Context.UnbecomeStacked();
                }
                return true;
            });
        }
    }

    [Fact]
    public async Task A_parent_can_watch_a_new_child_under_the_name_of_one_that_died()
    {
        var parent = Sys.ActorOf(Props.Create(() => new KnobParent(TestActor)));
        parent.Tell("knob");
        await ExpectMsgAsync("bonk");
        parent.Tell("knob");
        await ExpectMsgAsync("bonk");
    }

    [Fact]
    public async Task Terminated_is_sent_by_the_dead_actor()
    {
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        var watcher = Sys.ActorOf(Props.Create(() => new WatchAndForward(terminal, TestActor)));
        watcher.Tell("sync");
        await ExpectMsgAsync("sync");
        Sys.Stop(terminal);
        await ExpectMsgAsync<Wrapped>();
        Assert.Same(terminal, LastSender);
    }

    [Fact]
    public async Task Watching_Nobody_yields_Terminated_at_once()
    {
        Watch(ActorRefs.Nobody);
        var terminated = await ExpectTerminatedAsync(ActorRefs.Nobody);
        Assert.Same(ActorRefs.Nobody, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task Terminated_is_delivered_even_when_the_watchers_bounded_mailbox_is_full()
    {
        using var gate = new Gate();
        var terminal = Sys.ActorOf(Props.Create(() => new Idle()));
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)).WithMailbox(new BoundedMailbox(2)));
        watcher.Tell(new WatchIt(terminal));
        await ExpectMsgAsync("watching");
        watcher.Tell(new Gate.Hold(gate));
        await gate.Entered();
        for (var i = 0; i < 10; i++) watcher.Tell(i);   // two fit, the rest overflow
        Sys.Stop(terminal);
        Watch(terminal);
        await ExpectTerminatedAsync(terminal);
        await Task.Delay(50);  // let the watcher's notification land behind the queued numbers
        gate.Open();
        await ExpectMsgAsync(0);
        await ExpectMsgAsync(1);
        await ExpectTerminationOf(terminal);
    }
}
