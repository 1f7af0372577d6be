namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's EventStreamSpec.</summary>
public sealed class EventStreamTests : TestKit.TestKit
{
    private record Animal(string Name);

    private sealed record Dog(string Name) : Animal(Name);

    [Fact]
    public async Task A_subscriber_gets_events_of_the_subscribed_type_and_its_subtypes()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Dog("rex"));
        Sys.EventStream.Publish(new Animal("generic"));
        Sys.EventStream.Publish("not an animal");
        Assert.Equal("rex", (await ExpectMsgAsync<Dog>()).Name);
        Assert.Equal("generic", (await ExpectMsgAsync<Animal>()).Name);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_subscriber_matching_twice_gets_an_event_once()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(Dog)));
        Sys.EventStream.Publish(new Dog("once"));
        await ExpectMsgAsync<Dog>();
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unsubscribing_stops_delivery()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Animal));
        Sys.EventStream.Subscribe(TestActor, typeof(string));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Assert.False(Sys.EventStream.Unsubscribe(TestActor, typeof(Animal)));
        Sys.EventStream.Publish(new Animal("ignored"));
        Sys.EventStream.Publish("kept");
        await ExpectMsgAsync("kept");
        Assert.True(Sys.EventStream.Unsubscribe(TestActor));
        Sys.EventStream.Publish("gone");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class Subscriber : UntypedActor
    {
        protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(Animal));

        protected override void OnReceive(object message)
        {
        }
    }

    [Fact]
    public async Task A_stopped_actor_is_unsubscribed_so_later_events_are_not_dead_letters()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new Subscriber()));
        Watch(subscriber);
        subscriber.Tell("sync");
        await Task.Delay(20);
        Sys.Stop(subscriber);
        await ExpectTerminatedAsync(subscriber);
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Sys.EventStream.Publish(new Animal("after death"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }
}
