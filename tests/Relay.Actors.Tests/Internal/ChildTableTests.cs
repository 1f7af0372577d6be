using Relay.Actors.Internal;

namespace Relay.Actors.Tests.Internal;

/// <summary>A parent's children by name: inline for one child, a dictionary from the second on.</summary>
public sealed class ChildTableTests : TestKit.TestKit
{
    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private sealed class Parent : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(Context.ActorOf(Props.Create(() => new Idle()), (string)message));
    }

    private LocalActorRef NewActor(string name) => (LocalActorRef)ActorRefs.Unwrap(Sys.ActorOf(Props.Create(() => new Idle()), name))!;

    [Fact]
    public async Task Children_are_found_by_name_and_a_taken_name_is_refused()
    {
        var (a, b) = (NewActor("table-a"), NewActor("table-b"));
        // Same name as a, different actor (it lives under another parent).
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));
        var otherA = (LocalActorRef)ActorRefs.Unwrap(await parent.Ask<IActorRef>("table-a"))!;

        var table = default(ChildTable);
        Assert.False(table.TryGetValue("table-a", out _));
        Assert.Empty(table.Children());

        Assert.True(table.TryAdd(new ChildRestartStats(a)));
        Assert.False(table.TryAdd(new ChildRestartStats(otherA)));
        Assert.True(table.TryGetValue("table-a", out var found));
        Assert.Same(a, found.Child);
        Assert.False(table.TryGetValue("table-b", out _));
        Assert.Equal([a], table.Children());

        Assert.True(table.TryAdd(new ChildRestartStats(b)));
        Assert.False(table.TryAdd(new ChildRestartStats(otherA)));
        Assert.Equal(2, table.Count);
        Assert.Equal(2, table.Stats().Count);
        Assert.True(table.TryGetValue("table-b", out found));
        Assert.Same(b, found.Child);
    }

    [Fact]
    public async Task Remove_takes_out_only_the_very_child_not_another_of_the_same_name()
    {
        var a = NewActor("remove-a");
        var b = NewActor("remove-b");
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));
        var otherA = (LocalActorRef)ActorRefs.Unwrap(await parent.Ask<IActorRef>("remove-a"))!;

        var single = default(ChildTable);
        single.TryAdd(new ChildRestartStats(a));
        single.Remove(otherA);
        Assert.Equal(1, single.Count);
        single.Remove(a);
        Assert.Equal(0, single.Count);

        var two = default(ChildTable);
        two.TryAdd(new ChildRestartStats(a));
        two.TryAdd(new ChildRestartStats(b));
        two.Remove(otherA);
        Assert.Equal(2, two.Count);
        two.Remove(a);
        Assert.Equal(1, two.Count);
        Assert.False(two.TryGetValue("remove-a", out _));
        Assert.Equal([b], two.Children());
    }
}
