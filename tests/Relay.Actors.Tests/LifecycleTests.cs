
namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ActorLifeCycleSpec: hook order on start, restart and stop.</summary>
public sealed class LifecycleTests : TestKit.TestKit
{
    private sealed record Hook(string Name, string Id, int Generation);

    private sealed class Generations
    {
        private int _next = -1;

        public int Next() => Interlocked.Increment(ref _next);
    }

    /// <summary>Reports every hook with its instance generation.</summary>
    private class HookReporter : UntypedActor
    {
        private readonly IActorRef _probe;
        private readonly string _id;

        public HookReporter(IActorRef probe, string id, Generations generations)
        {
            _probe = probe;
            _id = id;
            Generation = generations.Next();
        }

        protected int Generation { get; }

        protected void Report(string hook) => _probe.Tell(new Hook(hook, _id, Generation), ActorRefs.NoSender);

        protected override void OnReceive(object message)
        {
            if (message is "status") _probe.Tell(new Hook("OK", _id, Generation), ActorRefs.NoSender);
        }

        protected override void PreStart() => Report("preStart");

        protected override void PostStop() => Report("postStop");
    }

    private sealed class AllHooksReporter(IActorRef probe, string id, Generations generations)
        : HookReporter(probe, id, generations)
    {
        protected override void PreRestart(Exception reason, object message) => Report("preRestart");

        protected override void PostRestart(Exception reason) => Report("postRestart");
    }

    private async Task<IActorRef> ChildOf(IActorRef supervisor, Props props) =>
        await supervisor.Ask<IActorRef>(props, TimeSpan.FromSeconds(5));

    private IActorRef RestartingSupervisor(int maxNrOfRetries) => Sys.ActorOf(Props.Create(() =>
        new Supervisor(new OneForOneStrategy(maxNrOfRetries, TimeSpan.FromSeconds(1000), _ => Directive.Restart))));

    [Fact]
    public async Task Restart_calls_PreRestart_on_the_old_instance_then_PostRestart_on_a_new_one()
    {
        var id = Guid.NewGuid().ToString();
        var generations = new Generations();
        var restarter = await ChildOf(RestartingSupervisor(3), Props.Create(() => new AllHooksReporter(TestActor, id, generations)));

        await ExpectMsgAsync(new Hook("preStart", id, 0));
        for (var generation = 0; generation < 3; generation++)
        {
            restarter.Tell(Kill.Instance);
            await ExpectMsgAsync(new Hook("preRestart", id, generation));
            await ExpectMsgAsync(new Hook("postRestart", id, generation + 1));
            restarter.Tell("status");
            await ExpectMsgAsync(new Hook("OK", id, generation + 1));
        }
        // Budget of 3 restarts used up: the fourth failure stops the actor.
        restarter.Tell(Kill.Instance);
        await ExpectMsgAsync(new Hook("postStop", id, 3));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Default_PreRestart_calls_PostStop_and_default_PostRestart_calls_PreStart()
    {
        var id = Guid.NewGuid().ToString();
        var generations = new Generations();
        var restarter = await ChildOf(RestartingSupervisor(3), Props.Create(() => new HookReporter(TestActor, id, generations)));

        await ExpectMsgAsync(new Hook("preStart", id, 0));
        for (var generation = 0; generation < 3; generation++)
        {
            restarter.Tell(Kill.Instance);
            await ExpectMsgAsync(new Hook("postStop", id, generation));
            await ExpectMsgAsync(new Hook("preStart", id, generation + 1));
            restarter.Tell("status");
            await ExpectMsgAsync(new Hook("OK", id, generation + 1));
        }
    }

    [Fact]
    public async Task An_actor_never_restarted_gets_only_PreStart_and_PostStop()
    {
        var id = Guid.NewGuid().ToString();
        var actor = await ChildOf(RestartingSupervisor(3), Props.Create(() => new AllHooksReporter(TestActor, id, new Generations())));
        await ExpectMsgAsync(new Hook("preStart", id, 0));
        actor.Tell("status");
        await ExpectMsgAsync(new Hook("OK", id, 0));
        Sys.Stop(actor);
        await ExpectMsgAsync(new Hook("postStop", id, 0));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private sealed class FailsOnString(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is string) throw new InvalidOperationException("boom");
        }

        protected override void PreRestart(Exception reason, object message)
        {
            probe.Tell(reason, ActorRefs.NoSender);
            probe.Tell(message ?? "no message", ActorRefs.NoSender);
            probe.Tell(Sender, ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task PreRestart_receives_the_cause_the_failed_message_and_its_sender()
    {
        var broken = Sys.ActorOf(Props.Create(() => new FailsOnString(TestActor)));
        var probe = CreateTestProbe();
        broken.Tell("hello", probe);

        var cause = await ExpectMsgAsync<InvalidOperationException>();
        Assert.Equal("boom", cause.Message);
        await ExpectMsgAsync("hello");
        Assert.Equal(probe.Ref, await ExpectMsgAsync<IActorRef>());
    }

    private sealed class BecomeThenFail(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "become") Become(Other);
            else probe.Tell(42, ActorRefs.NoSender);
        }

        private void Other(object message)
        {
            if (message is "fail") throw new InvalidOperationException("buh");
            probe.Tell(43, ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task Restart_clears_the_behaviour_stack()
    {
        var actor = Sys.ActorOf(Props.Create(() => new BecomeThenFail(TestActor)));
        actor.Tell("hello");
        await ExpectMsgAsync(42);
        actor.Tell("become");
        actor.Tell("hello");
        await ExpectMsgAsync(43);
        actor.Tell("fail");
        actor.Tell("hello");
        await ExpectMsgAsync(42);
    }

    private sealed class ParentWithChild(IActorRef probe) : UntypedActor
    {
        protected override void PreStart() => Context.ActorOf(Props.Create(() => new StopReporter(probe, "child")), "child");

        protected override void OnReceive(object message)
        {
            if (message is "fail") throw new InvalidOperationException("parent fails");
            if (message is "children") Sender.Tell(Context.GetChildren().Select(c => c.Path.Name).ToArray());
        }

        protected override void PostStop() => probe.Tell("parent postStop", ActorRefs.NoSender);

        protected override void PostRestart(Exception reason)
        {
            probe.Tell("parent postRestart", ActorRefs.NoSender);
            base.PostRestart(reason);
        }
    }

    private sealed class StopReporter(IActorRef probe, string name) : UntypedActor
    {
        protected override void PreStart() => probe.Tell($"{name} preStart", ActorRefs.NoSender);

        protected override void OnReceive(object message)
        {
        }

        protected override void PostStop() => probe.Tell($"{name} postStop", ActorRefs.NoSender);
    }

    [Fact]
    public async Task Default_PreRestart_stops_the_children_and_the_new_instance_starts_after_they_are_gone()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentWithChild(TestActor)), "parent");
        await ExpectMsgAsync("child preStart");
        parent.Tell("fail");
        await ExpectMsgAsync("parent postStop");
        await ExpectMsgAsync("child postStop");
        await ExpectMsgAsync("parent postRestart");
        // The new instance's PreStart re-created the child under the same name: the old one was reaped.
        await ExpectMsgAsync("child preStart");
        parent.Tell("children");
        Assert.Equal(["child"], await ExpectMsgAsync<string[]>());
    }

    private sealed class Tree(IActorRef probe, int depth, string name) : UntypedActor
    {
        protected override void PreStart()
        {
            if (depth > 0)
            {
                for (var i = 0; i < 2; i++)
                {
                    var childName = $"{name}.{i}";   // the factory runs later, in the child: no loop variable
                    Context.ActorOf(Props.Create(() => new Tree(probe, depth - 1, childName)), $"n{i}");
                }
            }
        }

        protected override void OnReceive(object message)
        {
        }

        protected override void PostStop() => probe.Tell(name, ActorRefs.NoSender);
    }

    [Fact]
    public async Task Stopping_an_actor_stops_every_descendant_before_its_own_PostStop()
    {
        var root = Sys.ActorOf(Props.Create(() => new Tree(TestActor, 3, "r")));
        await Task.Delay(50);
        Sys.Stop(root);
        var stopped = new List<string>();
        for (var i = 0; i < 15; i++) stopped.Add(await ExpectMsgAsync<string>());
        // Every node reports after all of its descendants (names are path prefixes).
        for (var i = 0; i < stopped.Count; i++)
        {
            foreach (var later in stopped.Skip(i + 1))
                Assert.False(later.StartsWith(stopped[i] + ".", StringComparison.Ordinal), $"{later} stopped after its ancestor {stopped[i]}");
        }
        Assert.Equal("r", stopped[^1]);
    }

    private sealed class ThrowingConstructor : UntypedActor
    {
        public ThrowingConstructor(IActorRef probe)
        {
            probe.Tell("constructing", ActorRefs.NoSender);
            throw new InvalidOperationException("ctor fails");
        }

        protected override void OnReceive(object message)
        {
        }

        protected override void PostStop() => throw new InvalidOperationException("PostStop must not run");
    }

    [Fact]
    public async Task A_failing_constructor_stops_the_actor_with_ActorInitializationException()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var child = await ChildOf(supervisor, Props.Create(() => new ThrowingConstructor(TestActor)));
        Watch(child);
        await ExpectMsgAsync("constructing");
        var decided = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(ActorInitializationException), decided.ExceptionType);
        await ExpectTerminatedAsync(child);
    }

    private sealed class ThrowingPreStart : UntypedActor
    {
        protected override void PreStart() => throw new InvalidOperationException("preStart fails");

        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public async Task A_failing_PreStart_stops_the_actor_and_its_messages_become_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var child = await ChildOf(supervisor, Props.Create(() => new ThrowingPreStart()));
        Watch(child);
        var decided = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(ActorInitializationException), decided.ExceptionType);
        await ExpectTerminatedAsync(child);
        child.Tell("late");
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("late", deadLetter.Message);
        Assert.Equal(child, deadLetter.Recipient);
    }

    private sealed class FailsOnceThenCounts(IActorRef probe) : UntypedActor
    {
        private static int s_instances;
        private readonly int _instance = Interlocked.Increment(ref s_instances);

        protected override void OnReceive(object message)
        {
            if (message is "fail") throw new InvalidOperationException("fail");
            probe.Tell((_instance, message), ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task Restart_keeps_the_mailbox_so_messages_queued_behind_the_failure_reach_the_new_instance()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FailsOnceThenCounts(TestActor)));
        actor.Tell(1);
        var (first, _) = await ExpectMsgAsync<(int, object)>();
        actor.Tell("fail");
        for (var i = 2; i <= 50; i++) actor.Tell(i);
        for (var i = 2; i <= 50; i++)
        {
            var (instance, message) = await ExpectMsgAsync<(int, object)>();
            Assert.Equal(i, message);
            Assert.NotEqual(first, instance);
        }
    }

    private sealed class FailsInConstructorAfterFirst : UntypedActor
    {
        public FailsInConstructorAfterFirst(Generations generations)
        {
            if (generations.Next() > 0) throw new InvalidOperationException("second instance fails");
        }

        protected override void OnReceive(object message) => throw new InvalidOperationException("handler fails");
    }

    [Fact]
    public async Task A_failing_restart_stops_the_actor_with_PostRestartException()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var generations = new Generations();
        var child = await ChildOf(supervisor, Props.Create(() => new FailsInConstructorAfterFirst(generations)));
        Watch(child);
        child.Tell("go");
        Assert.Equal(typeof(InvalidOperationException), (await ExpectMsgAsync<ReportingStrategy.Decided>()).ExceptionType);
        Assert.Equal(typeof(PostRestartException), (await ExpectMsgAsync<ReportingStrategy.Decided>()).ExceptionType);
        await ExpectTerminatedAsync(child);
    }

    private sealed class PostStopThrows : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }

        protected override void PostStop() => throw new InvalidOperationException("hurrah");
    }

    [Fact]
    public async Task A_failure_in_PostStop_is_logged_with_the_actor_path()
    {
        var logs = new CapturingLoggerProvider();
        var system = ActorSystem.Create("logged", new ActorSystemSettings
        {
            LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)),
        });
        try
        {
            var actor = system.ActorOf(Props.Create(() => new PostStopThrows()), "noisy");
            actor.Tell(PoisonPill.Instance, ActorRefs.NoSender);
            var entry = await logs.WaitFor(e => e.Exception?.Message == "hurrah");
            Assert.Contains("akka://logged/user/noisy", entry.Message, StringComparison.Ordinal);
            Assert.Equal(LogLevel.Error, entry.Level);
        }
        finally
        {
            await system.Terminate();
        }
    }
}
