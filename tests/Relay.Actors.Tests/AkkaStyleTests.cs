namespace Relay.Actors.Tests;

/// <summary>
/// Code written the way Akka.NET's documentation writes it (the fault-handling example: named
/// <c>localOnlyDecider</c>, <c>PreRestart(Exception, object)</c> override, <c>Context.ActorOf</c>,
/// <c>Sender.Tell</c>), to show that such code compiles against this kernel and behaves as documented.
/// </summary>
public sealed class AkkaStyleTests : TestKit.TestKit
{
    public class Supervisor : UntypedActor
    {
        protected override SupervisorStrategy SupervisorStrategy()
        {
            return new OneForOneStrategy(
                maxNrOfRetries: 10,
                withinTimeRange: TimeSpan.FromMinutes(1),
                localOnlyDecider: ex =>
                {
                    switch (ex)
                    {
                        case ArithmeticException:
                            return Directive.Resume;
                        case NullReferenceException:
                            return Directive.Restart;
                        case ArgumentException:
                            return Directive.Stop;
                        default:
                            return Directive.Escalate;
                    }
                });
        }

        protected override void OnReceive(object message)
        {
            if (message is Props p)
            {
                var child = Context.ActorOf(p);
                Sender.Tell(child);
            }
        }
    }

    public class Child : UntypedActor
    {
        private int state;

        protected override void PreRestart(Exception reason, object message)
        {
            base.PreRestart(reason, message);
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Exception ex:
                    throw ex;
                case int x:
                    state = x;
                    break;
                case "get":
                    Sender.Tell(state);
                    break;
            }
        }
    }

    [Fact]
    public async Task The_documented_fault_handling_example_behaves_as_documented()
    {
        var supervisor = Sys.ActorOf<Supervisor>("supervisor");
        supervisor.Tell(Props.Create<Child>());
        var child = await ExpectMsgAsync<IActorRef>();

        child.Tell(42);
        child.Tell("get");
        await ExpectMsgAsync(42);

        child.Tell(new ArithmeticException());   // Resume: the state survives
        child.Tell("get");
        await ExpectMsgAsync(42);

        child.Tell(new NullReferenceException()); // Restart: a fresh instance
        child.Tell("get");
        await ExpectMsgAsync(0);

        Watch(child);
        child.Tell(new ArgumentException());      // Stop
        await ExpectTerminatedAsync(child);

        supervisor.Tell(Props.Create<Child>());
        var child2 = await ExpectMsgAsync<IActorRef>();
        Watch(child2);
        child2.Tell("get");
        await ExpectMsgAsync(0);
        child2.Tell(new Exception("CRASH"));      // Escalate: the supervisor restarts, its children stop
        var terminated = await ExpectMsgAsync<Terminated>();
        Assert.Equal(child2, terminated.ActorRef);
    }

    public sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    public class TimerActor : ReceiveActor, IWithTimers
    {
        public ITimerScheduler Timers { get; set; } = null!;

        public TimerActor(IActorRef replyTo)
        {
            Receive<string>(s => s == "start", _ =>
                Timers.StartSingleTimer("key", Tick.Instance, TimeSpan.FromMilliseconds(1), replyTo));
            Receive<Tick>(_ => Sender.Tell("tick came with the given sender"));
        }
    }

    [Fact]
    public async Task A_timer_started_with_a_sender_delivers_with_that_sender()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)));
        actor.Tell("start");
        await probe.ExpectMsgAsync("tick came with the given sender");
    }
}
