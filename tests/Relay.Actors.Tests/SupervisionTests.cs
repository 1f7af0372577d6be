namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's SupervisorStrategySpecs and SupervisorHierarchySpec.</summary>
public sealed class SupervisionTests : TestKit.TestKit
{
    /// <summary>Counts messages; throws the exception it is sent; reports lifecycle events.</summary>
    private sealed class Worker(IActorRef probe, string name) : UntypedActor
    {
        private int _count;

        protected override void PreStart() => probe.Tell($"{name} started", ActorRefs.NoSender);

        protected override void PostStop() => probe.Tell($"{name} stopped", ActorRefs.NoSender);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Exception e:
                    throw e;
                case "count":
                    Sender.Tell($"{name}:{++_count}");
                    break;
                default:
                    probe.Tell($"{name} got {message}", ActorRefs.NoSender);
                    break;
            }
        }
    }

    private async Task<IActorRef> Child(IActorRef supervisor, string name) =>
        await supervisor.Ask<IActorRef>(new Supervisor.Create(Props.Create(() => new Worker(TestActor, name)), name),
            TimeSpan.FromSeconds(5));

    private IActorRef SupervisorWith(SupervisorStrategy strategy) =>
        Sys.ActorOf(Props.Create(() => new Supervisor(strategy)));

    /// <summary>A worker under a fresh supervisor with <paramref name="strategy"/>, once it has started.</summary>
    private async Task<IActorRef> StartedWorker(SupervisorStrategy strategy)
    {
        var worker = await Child(SupervisorWith(strategy), "w");
        await ExpectMsgAsync("w started");
        return worker;
    }

    /// <summary>Asks a worker for its message count and expects <paramref name="expected"/>.</summary>
    private async Task ExpectCount(IActorRef worker, string name, int expected)
    {
        worker.Tell("count");
        await ExpectMsgAsync($"{name}:{expected}");
    }

    [Fact]
    public async Task Resume_keeps_the_instance_and_its_state()
    {
        var worker = await StartedWorker(new OneForOneStrategy(_ => Directive.Resume));
        await ExpectCount(worker, "w", 1);
        worker.Tell(new InvalidOperationException("oops"));
        await ExpectCount(worker, "w", 2);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Restart_replaces_the_instance_and_loses_its_state()
    {
        var worker = await StartedWorker(new OneForOneStrategy(_ => Directive.Restart));
        await ExpectCount(worker, "w", 1);
        worker.Tell(new InvalidOperationException("oops"));
        await ExpectMsgAsync("w stopped");
        await ExpectMsgAsync("w started");
        await ExpectCount(worker, "w", 1);
    }

    [Fact]
    public async Task Props_with_explicit_state_create_a_fresh_instance_from_the_same_state_on_restart()
    {
        var supervisor = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var props = Props.Create(static ((IActorRef Probe, string Name) s) => new Worker(s.Probe, s.Name), (TestActor, "s"));
        var worker = await supervisor.Ask<IActorRef>(new Supervisor.Create(props, "s"), TimeSpan.FromSeconds(5));
        await ExpectMsgAsync("s started");
        await ExpectCount(worker, "s", 1);
        worker.Tell(new InvalidOperationException("oops"));
        await ExpectMsgAsync("s stopped");
        await ExpectMsgAsync("s started");
        await ExpectCount(worker, "s", 1);
        Assert.Equal(typeof(Worker), props.Type);
    }

    [Fact]
    public async Task Stop_stops_the_failing_child()
    {
        var worker = await StartedWorker(new OneForOneStrategy(_ => Directive.Stop));
        Watch(worker);
        worker.Tell(new InvalidOperationException("oops"));
        await ExpectMsgAsync("w stopped");
        await ExpectTerminatedAsync(worker);
    }

    [Fact]
    public async Task A_failing_child_is_suspended_until_its_parent_decides()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var worker = await StartedWorker(new OneForOneStrategy(_ => Directive.Stop));
        // Sent together: the second message is already queued when the first one fails. A suspended child
        // must not process it; the Stop decision then turns it into a dead letter.
        worker.Tell(new InvalidOperationException("oops"));
        worker.Tell("after the failure");
        await ExpectMsgAsync("w stopped");
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("after the failure", deadLetter.Message);
    }

    [Fact]
    public async Task OneForOne_restarts_only_the_failing_child()
    {
        var supervisor = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var a = await Child(supervisor, "a");
        await ExpectMsgAsync("a started");
        var b = await Child(supervisor, "b");
        await ExpectMsgAsync("b started");
        await ExpectCount(b, "b", 1);
        a.Tell(new InvalidOperationException("a fails"));
        await ExpectMsgAsync("a stopped");
        await ExpectMsgAsync("a started");
        await ExpectCount(b, "b", 2);
    }

    [Fact]
    public async Task AllForOne_restarts_every_sibling_of_the_failing_child()
    {
        var supervisor = SupervisorWith(new AllForOneStrategy(_ => Directive.Restart));
        var a = await Child(supervisor, "a");
        await ExpectMsgAsync("a started");
        var b = await Child(supervisor, "b");
        await ExpectMsgAsync("b started");
        await ExpectCount(b, "b", 1);
        a.Tell(new InvalidOperationException("a fails"));
        var events = new HashSet<string>();
        for (var i = 0; i < 4; i++) events.Add(await ExpectMsgAsync<string>());
        Assert.Equal(["a started", "a stopped", "b started", "b stopped"], events.Order());
        await ExpectCount(b, "b", 1);
    }

    [Fact]
    public async Task AllForOne_stop_stops_every_child()
    {
        var supervisor = SupervisorWith(new AllForOneStrategy(_ => Directive.Stop));
        var a = await Child(supervisor, "a");
        var b = await Child(supervisor, "b");
        await ExpectMsgAsync<string>();
        await ExpectMsgAsync<string>();
        Watch(a);
        Watch(b);
        a.Tell(new InvalidOperationException("a fails"));
        var events = new List<object>();
        for (var i = 0; i < 4; i++) events.Add((await ReceiveOneAsync())!);
        Assert.Contains("a stopped", events);
        Assert.Contains("b stopped", events);
        Assert.Equal(2, events.OfType<Terminated>().Count());
    }

    [Fact]
    public async Task Exceeding_the_retry_budget_stops_the_child()
    {
        var worker = await StartedWorker(new OneForOneStrategy(2, null, _ => Directive.Restart));
        Watch(worker);
        for (var i = 0; i < 2; i++)
        {
            worker.Tell(new InvalidOperationException("again"));
            await ExpectMsgAsync("w stopped");
            await ExpectMsgAsync("w started");
        }
        worker.Tell(new InvalidOperationException("one too many"));
        await ExpectMsgAsync("w stopped");
        await ExpectTerminatedAsync(worker);
    }

    [Fact]
    public async Task Zero_retries_means_the_first_failure_stops_the_child()
    {
        var worker = await StartedWorker(new OneForOneStrategy(0, null, _ => Directive.Restart));
        Watch(worker);
        worker.Tell(new InvalidOperationException("once"));
        await ExpectMsgAsync("w stopped");
        await ExpectTerminatedAsync(worker);
    }

    [Fact]
    public async Task Escalate_fails_the_parent_and_the_grandparent_decides()
    {
        // grandparent (restarts) -> parent (escalates) -> worker
        var grandparent = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var parent = await grandparent.Ask<IActorRef>(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate))));
        var worker = await Child(parent, "w");
        await ExpectMsgAsync("w started");
        Watch(worker);
        worker.Tell(new InvalidOperationException("escalated"));
        // The parent restarts: its default PreRestart stops the worker.
        await ExpectMsgAsync("w stopped");
        await ExpectTerminatedAsync(worker);
        // The restarted parent still works.
        var again = await Child(parent, "w");
        await ExpectMsgAsync("w started");
        await ExpectCount(again, "w", 1);
    }

    [Fact]
    public async Task Escalate_then_Resume_resumes_the_whole_subtree()
    {
        var grandparent = SupervisorWith(new OneForOneStrategy(_ => Directive.Resume));
        var parent = await grandparent.Ask<IActorRef>(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Escalate))));
        var failing = await Child(parent, "f");
        var sibling = await Child(parent, "s");
        await ExpectMsgAsync<string>();
        await ExpectMsgAsync<string>();
        await ExpectCount(failing, "f", 1);
        failing.Tell(new InvalidOperationException("escalated"));
        await ExpectCount(failing, "f", 2);
        await ExpectCount(sibling, "s", 1);
    }

    [Fact]
    public async Task Props_strategy_overrides_the_actors_own()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Restart)))
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume)));
        var worker = await Child(supervisor, "w");
        await ExpectMsgAsync("w started");
        await ExpectCount(worker, "w", 1);
        worker.Tell(new InvalidOperationException("resumed"));
        await ExpectCount(worker, "w", 2);
    }

    [Fact]
    public async Task The_guardian_restarts_a_failing_top_level_actor_and_the_system_keeps_running()
    {
        var worker = Sys.ActorOf(Props.Create(() => new Worker(TestActor, "top")), "top");
        await ExpectMsgAsync("top started");
        worker.Tell(new InvalidOperationException("top fails"));
        await ExpectMsgAsync("top stopped");
        await ExpectMsgAsync("top started");
        await ExpectCount(worker, "top", 1);
        Assert.False(Sys.WhenTerminated.IsCompleted);
    }

    private sealed class ThrowsInConstructor : UntypedActor
    {
        public ThrowsInConstructor() => throw new InvalidOperationException("no");

        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public async Task The_guardian_stops_a_top_level_actor_whose_constructor_fails()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThrowsInConstructor()));
        Watch(actor);
        await ExpectTerminatedAsync(actor);
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        echo.Tell("still alive");
        await ExpectMsgAsync("still alive");
    }

    [Fact]
    public async Task A_failure_escalated_to_the_guardian_stops_that_top_level_actor_only()
    {
        var logs = new CapturingLoggerProvider();
        await using var system = ActorSystem.Create("escalating", new ActorSystemSettings
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
            LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs)),
        });
        var probe = new TestProbe(system);
        var worker = system.ActorOf(Props.Create(() => new Worker(probe.Ref, "top")), "top");
        await probe.ExpectMsgAsync("top started");
        probe.Watch(worker);
        worker.Tell(new InvalidOperationException("escalate me"), ActorRefs.NoSender);
        await probe.ExpectMsgAsync("top stopped");
        await probe.ExpectTerminatedAsync(worker);
        var entry = await logs.WaitFor(e => e.EventId.Id == 11);
        Assert.Equal("escalate me", entry.Exception!.Message);
        Assert.Contains("akka://escalating/user/top", entry.Message, StringComparison.Ordinal);
        Assert.False(system.WhenTerminated.IsCompleted);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        Assert.Equal("alive", await echo.Ask<string>("alive", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Restart_window_starts_over_once_it_has_elapsed()
    {
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("window", new ActorSystemSettings { TimeProvider = clock });
        var probe = new TestProbe(system);
        var supervisor = system.ActorOf(Props.Create(() =>
            new Supervisor(new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart))));
        var worker = await supervisor.Ask<IActorRef>(Props.Create(() => new Worker(probe.Ref, "w")));
        await probe.ExpectMsgAsync("w started");
        probe.Watch(worker);

        worker.Tell(new InvalidOperationException("first"), ActorRefs.NoSender);
        await probe.ExpectMsgAsync("w stopped");
        await probe.ExpectMsgAsync("w started");
        clock.Advance(TimeSpan.FromSeconds(11));
        // Outside the window: the budget of 1 is available again.
        worker.Tell(new InvalidOperationException("second"), ActorRefs.NoSender);
        await probe.ExpectMsgAsync("w stopped");
        await probe.ExpectMsgAsync("w started");
        // Within the new window: over budget.
        worker.Tell(new InvalidOperationException("third"), ActorRefs.NoSender);
        await probe.ExpectMsgAsync("w stopped");
        await probe.ExpectTerminatedAsync(worker);
    }

    private sealed class Manager(IActorRef probe) : UntypedActor
    {
        protected override SupervisorStrategy SupervisorStrategy() => new AllForOneStrategy(_ => Directive.Escalate);

        protected override void PreStart()
        {
            probe.Tell("manager started", ActorRefs.NoSender);
            for (var i = 0; i < 3; i++) Context.ActorOf(Props.Create(() => new Worker(probe, "worker")), $"worker{i}");
        }

        protected override void OnReceive(object message)
        {
            if (message is "fail-one") Context.Child("worker1").Tell(new InvalidOperationException("worker fails"), Self);
        }
    }

    [Fact]
    public async Task A_worker_failure_escalated_by_its_manager_restarts_the_manager_and_a_fresh_set_of_workers()
    {
        var boss = SupervisorWith(new OneForOneStrategy(_ => Directive.Restart));
        var manager = await boss.Ask<IActorRef>(Props.Create(() => new Manager(TestActor)));
        await ExpectMsgAsync("manager started");
        for (var i = 0; i < 3; i++) await ExpectMsgAsync("worker started");
        manager.Tell("fail-one");
        var events = new List<string>();
        for (var i = 0; i < 7; i++) events.Add(await ExpectMsgAsync<string>());
        Assert.Equal(3, events.Count(e => e == "worker stopped"));
        Assert.Equal(3, events.Count(e => e == "worker started"));
        Assert.Equal(1, events.Count(e => e == "manager started"));
        // All old workers stop before the new manager starts its new ones.
        Assert.True(events.LastIndexOf("worker stopped") < events.IndexOf("manager started"));
    }
}
