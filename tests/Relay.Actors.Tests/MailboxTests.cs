using System.Collections.Concurrent;

namespace Relay.Actors.Tests;

/// <summary>Bounded mailboxes, system-message priority, throughput fairness and dedicated threads.</summary>
public sealed class MailboxTests : TestKit.TestKit
{
    /// <summary>Reports what it processes; holds at a gate on request.</summary>
    private sealed class Recorder(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Gate.Hold hold) hold.Gate.Pass();
            else probe.Tell(message, ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task A_full_bounded_mailbox_drops_the_newest_as_dead_letters_without_blocking_the_sender()
    {
        using var gate = new Gate();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor)).WithMailbox(new BoundedMailbox(3)));
        actor.Tell(new Gate.Hold(gate));
        await gate.Entered();
        // 1000 Tells into a mailbox of 3 complete on this thread: the sender is never blocked.
        await Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++) actor.Tell(i);
        }).WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 3; i < 1000; i++) Assert.Equal(i, (await deadLetters.ExpectMsgAsync<DeadLetter>()).Message);
        gate.Open();
        for (var i = 0; i < 3; i++) await ExpectMsgAsync(i);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_FailActor_overflow_fails_the_actor_so_its_supervisor_decides()
    {
        using var gate = new Gate();
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.OneForOne(TestActor, Directive.Stop))));
        var probe = CreateTestProbe();
        var actor = await supervisor.Ask<IActorRef>(Props.Create(() => new Recorder(probe.Ref))
            .WithMailbox(new BoundedMailbox(2, MailboxOverflow.FailActor)));
        Watch(actor);
        actor.Tell(new Gate.Hold(gate));
        await gate.Entered();
        for (var i = 0; i < 3; i++) actor.Tell(i);
        Assert.Equal(2, (await ExpectMsgAsync<DeadLetter>()).Message);
        gate.Open();
        var decided = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(MailboxOverflowException), decided.ExceptionType);
        Assert.Contains("capacity of 2", decided.Message, StringComparison.Ordinal);
        await FishForMessageAsync(m => m is Terminated t && t.ActorRef.Equals(actor));
    }

    [Fact]
    public async Task System_messages_are_processed_before_queued_user_messages()
    {
        using var gate = new Gate();
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(probe.Ref)));
        actor.Tell(new Gate.Hold(gate));
        await gate.Entered();
        for (var i = 0; i < 100; i++) actor.Tell(i);
        Sys.Stop(actor);      // a system message, sent after the 100 user messages
        gate.Open();
        // The stop overtakes every queued message: none is processed, all become dead letters.
        for (var i = 0; i < 100; i++) Assert.Equal(i, (await ExpectMsgAsync<DeadLetter>()).Message);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class Tagger(ConcurrentQueue<string> log, string tag) : UntypedActor
    {
        protected override void OnReceive(object message) => log.Enqueue(tag);
    }

    [Fact]
    public async Task One_busy_actor_yields_after_its_throughput_so_others_get_a_turn()
    {
        // A single-threaded executor makes the scheduling order observable and deterministic.
        var runs = new ConcurrentQueue<IThreadPoolWorkItem>();
        var log = new ConcurrentQueue<string>();
        const int Throughput = 5;
        var system = ActorSystem.Create("fair", new ActorSystemSettings
        {
            Throughput = Throughput,
            WorkItemExecutor = runs.Enqueue,
        });
        var busy = system.ActorOf(Props.Create(() => new Tagger(log, "busy")));
        var other = system.ActorOf(Props.Create(() => new Tagger(log, "other")));
        for (var i = 0; i < 100; i++) busy.Tell(i, ActorRefs.NoSender);
        for (var i = 0; i < 10; i++) other.Tell(i, ActorRefs.NoSender);
        var executed = 0;
        while (runs.TryDequeue(out var run) && executed++ < 10_000) run.Execute();

        var sequence = log.ToArray();
        Assert.Equal(110, sequence.Length);
        // No run of one actor is longer than the throughput while the other still has messages.
        var lastOther = Array.LastIndexOf(sequence, "other");
        var streak = 0;
        for (var i = 0; i <= lastOther; i++)
        {
            streak = i > 0 && sequence[i] == sequence[i - 1] ? streak + 1 : 1;
            Assert.True(streak <= Throughput, $"{sequence[i]} ran {streak} messages in a row at {i}");
        }

        // The system's own shutdown runs on the same manual executor: pump it until terminated (bounded).
        var termination = system.Terminate();
        for (var i = 0; i < 1000 && !termination.IsCompleted; i++)
        {
            while (runs.TryDequeue(out var run)) run.Execute();
            await Task.Delay(5);
        }
        Assert.True(termination.IsCompleted);
    }

    private sealed class ThreadReporter(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Gate.Hold hold) hold.Gate.Pass();
            else probe.Tell((Environment.CurrentManagedThreadId, Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name), ActorRefs.NoSender);
        }
    }

    [Fact]
    public async Task A_pinned_actor_runs_on_its_own_dedicated_thread()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ThreadReporter(TestActor)).WithDispatcher(Dispatchers.PinnedDispatcherId), "pinned");
        actor.Tell("a");
        var (thread, isPool, name) = await ExpectMsgAsync<(int, bool, string?)>();
        Assert.False(isPool);
        Assert.Equal("akka://test/user/pinned", name);
        for (var i = 0; i < 20; i++)
        {
            actor.Tell(i);
            Assert.Equal(thread, (await ExpectMsgAsync<(int, bool, string?)>()).Item1);
        }
    }

    [Fact]
    public async Task A_blocked_pinned_actor_does_not_hold_up_actors_on_the_thread_pool()
    {
        using var gate = new Gate();
        var pinned = Sys.ActorOf(Props.Create(() => new ThreadReporter(TestActor)).WithDispatcher(Dispatchers.PinnedDispatcherId));
        pinned.Tell(new Gate.Hold(gate));
        await gate.Entered();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        echo.Tell("free");
        await ExpectMsgAsync("free");
        gate.Open();
        pinned.Tell("after");
        Assert.False((await ExpectMsgAsync<(int, bool, string?)>()).Item2);
    }

    [Fact]
    public async Task Messages_from_one_sender_arrive_in_order_at_a_pinned_actor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor)).WithDispatcher(Dispatchers.PinnedDispatcherId));
        for (var i = 0; i < 1000; i++) actor.Tell(i);
        for (var i = 0; i < 1000; i++) await ExpectMsgAsync(i);
    }

    [Fact]
    public void An_unknown_dispatcher_id_is_a_ConfigurationException()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            Sys.ActorOf(Props.Create(() => new Recorder(TestActor)).WithDispatcher("nope"), "x"));
        Assert.Equal("Dispatcher [nope] not configured", e.Message);
        // The name was not taken by the failed attempt.
        Sys.ActorOf(Props.Create(() => new Recorder(TestActor)), "x");
    }

    [Fact]
    public void An_unknown_mailbox_id_is_a_ConfigurationException()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            Sys.ActorOf(Props.Create(() => new Recorder(TestActor)).WithMailbox("missing")));
        Assert.Equal("Mailbox [missing] not configured", e.Message);
    }

    [Fact]
    public async Task A_mailbox_id_registered_in_the_settings_is_resolved()
    {
        await using var system = ActorSystem.Create("mailboxes", new ActorSystemSettings
        {
            Mailboxes = new Dictionary<string, MailboxType> { ["tiny"] = new BoundedMailbox(1) },
        });
        var probe = new TestProbe(system);
        system.EventStream.Subscribe(probe.Ref, typeof(DeadLetter));
        using var gate = new Gate();
        var actor = system.ActorOf(Props.Create(() => new Recorder(probe.Ref)).WithMailbox("tiny"));
        actor.Tell(new Gate.Hold(gate), ActorRefs.NoSender);
        await gate.Entered();
        actor.Tell(1, ActorRefs.NoSender);
        actor.Tell(2, ActorRefs.NoSender);
        Assert.Equal(2, (await probe.ExpectMsgAsync<DeadLetter>()).Message);
        gate.Open();
        await probe.ExpectMsgAsync(1);
    }

    [Fact]
    public void A_bounded_mailbox_needs_a_positive_capacity()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMailbox(0));
        Assert.Equal("capacity", e.ParamName);
    }
}
