namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's DeadLettersSpec.</summary>
public sealed class DeadLetterTests : TestKit.TestKit
{
    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public async Task A_message_to_a_stopped_actor_is_published_as_DeadLetter()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Idle()));
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        var probe = CreateTestProbe();
        actor.Tell("too late", probe.Ref);
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("too late", deadLetter.Message);
        Assert.Equal(probe.Ref, deadLetter.Sender);
        Assert.Equal(actor, deadLetter.Recipient);
    }

    [Fact]
    public async Task Messages_queued_behind_a_PoisonPill_become_dead_letters_in_order()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new Idle()));
        actor.Tell(PoisonPill.Instance);
        for (var i = 0; i < 5; i++) actor.Tell(i);
        for (var i = 0; i < 5; i++) Assert.Equal(i, (await ExpectMsgAsync<DeadLetter>()).Message);
    }

    [Fact]
    public async Task Telling_DeadLetters_publishes_the_message_with_its_sender()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(AllDeadLetters));
        Sys.DeadLetters.Tell("lost");
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("lost", deadLetter.Message);
        Assert.Equal(TestActor, deadLetter.Sender);
        Assert.Equal(Sys.DeadLetters, deadLetter.Recipient);
    }

    [Fact]
    public async Task A_message_without_sender_names_DeadLetters_as_sender()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Sys.DeadLetters.Tell("anonymous", ActorRefs.NoSender);
        Assert.Equal(Sys.DeadLetters, (await ExpectMsgAsync<DeadLetter>()).Sender);
    }

    [Fact]
    public async Task A_null_message_is_rejected_with_InvalidMessageException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle()));
        var e = Assert.Throws<InvalidMessageException>(() => actor.Tell(null!, ActorRefs.NoSender));
        Assert.Equal("Message is null", e.Message);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(10));
    }
}
