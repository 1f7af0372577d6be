namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ReceiveActorTests and ReceiveActorHandlersTests.</summary>
public sealed class ReceiveActorTests : TestKit.TestKit
{
    private sealed class Ordered : ReceiveActor
    {
        public Ordered()
        {
            Receive<int>(i => i > 100, _ => Sender.Tell("big"));
            Receive<int>(i => Sender.Tell("int"));
            Receive<string>(s => s.StartsWith('p'));               // Func<T,bool>: false passes it on
            Receive<string>(s => Sender.Tell("string:" + s));
#pragma warning disable CA2263 // the Type overload is what this test exercises
            Receive(typeof(IFormattable), m => Sender.Tell("formattable"));
#pragma warning restore CA2263
            ReceiveAny(m => Sender.Tell("any"));
        }
    }

    [Fact]
    public async Task Handlers_are_tried_in_registration_order_with_their_predicates()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Ordered()));
        actor.Tell(500);
        await ExpectMsgAsync("big");
        actor.Tell(5);
        await ExpectMsgAsync("int");
        actor.Tell("pass");     // handled (returned true) by the Func handler: no reply
        actor.Tell("x");
        await ExpectMsgAsync("string:x");
        actor.Tell(1.5);
        await ExpectMsgAsync("formattable");
        actor.Tell(new object());
        await ExpectMsgAsync("any");
    }

    private sealed class AddsAfterAny : ReceiveActor
    {
        public AddsAfterAny(IActorRef probe)
        {
            ReceiveAny(_ => { });
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException e)
            {
                probe.Tell(e.Message, ActorRefs.NoSender);
            }
        }
    }

    [Fact]
    public async Task No_handler_may_follow_ReceiveAny()
    {
        Sys.ActorOf(Props.Create(() => new AddsAfterAny(TestActor)));
        Assert.Contains("catches all messages", await ExpectMsgAsync<string>(), StringComparison.Ordinal);
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException e)
            {
                Sender.Tell(e.Message);
            }
        });
    }

    [Fact]
    public async Task Receive_outside_the_constructor_or_Become_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistration()));
        actor.Tell("x");
        Assert.Contains("only call Receive-methods when constructing", await ExpectMsgAsync<string>(), StringComparison.Ordinal);
    }

    private sealed class Awaiting : ReceiveActor
    {
        public Awaiting(IActorRef probe, TaskCompletionSource release)
        {
            ReceiveAsync<string>(async s =>
            {
                probe.Tell($"start {s}", ActorRefs.NoSender);
                var sender = Sender;
                await release.Task;
                // Continuations run inside the actor: Sender, Self and Context are those of the message.
                probe.Tell($"end {s} from {(sender.Equals(Sender) ? "same sender" : "other sender")}", ActorRefs.NoSender);
                Sender.Tell($"reply {s}");
                Context.Self.Tell("self", Self);
            });
            Receive<int>(i => probe.Tell($"int {i}", ActorRefs.NoSender));
        }
    }

    [Fact]
    public async Task ReceiveAsync_holds_the_mailbox_until_the_task_completes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Awaiting(probe.Ref, release)));
        actor.Tell("a");
        actor.Tell(1);
        await probe.ExpectMsgAsync("start a");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));   // 1 waits behind the pending handler
        release.SetResult();
        await probe.ExpectMsgAsync("end a from same sender");
        await probe.ExpectMsgAsync("int 1");
        await ExpectMsgAsync("reply a");
        await probe.ExpectMsgAsync("start self");
    }

    private sealed class FailingAsync : ReceiveActor
    {
        public FailingAsync()
        {
            ReceiveAsync<string>(async s =>
            {
                await Task.Yield();
                throw new InvalidOperationException("async " + s);
            });
            Receive<int>(i => Sender.Tell(i));
        }
    }

    [Fact]
    public async Task A_faulted_ReceiveAsync_task_fails_the_actor_like_a_throwing_handler()
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(ReportingStrategy.Default(TestActor))));
        var actor = await supervisor.Ask<IActorRef>(Props.Create(() => new FailingAsync()));
        actor.Tell("boom");
        var decided = await ExpectMsgAsync<ReportingStrategy.Decided>();
        Assert.Equal(typeof(InvalidOperationException), decided.ExceptionType);
        Assert.Equal("async boom", decided.Message);
        actor.Tell(7);
        await ExpectMsgAsync(7);
    }

    private sealed class SyncAsync : ReceiveActor
    {
        public SyncAsync() => ReceiveAsync<int>(i =>
        {
            Sender.Tell(i);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_ReceiveAsync_handler_that_completes_synchronously_does_not_hold_the_mailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new SyncAsync()));
        for (var i = 0; i < 100; i++) actor.Tell(i);
        for (var i = 0; i < 100; i++) await ExpectMsgAsync(i);
    }
}
