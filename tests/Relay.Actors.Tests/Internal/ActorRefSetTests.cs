using Relay.Actors.Internal;

namespace Relay.Actors.Tests.Internal;

/// <summary>The death-watch set: inline for one member, a HashSet from the second on.</summary>
public sealed class ActorRefSetTests : TestKit.TestKit
{
    private sealed class Idle : UntypedActor
    {
        protected override void OnReceive(object message)
        {
        }
    }

    private InternalActorRef NewActor() => ActorRefs.Unwrap(Sys.ActorOf(Props.Create(() => new Idle())))!;

    [Fact]
    public void Members_are_added_once_and_removed_once_through_the_inline_and_the_hashed_forms()
    {
        var (a, b, c) = (NewActor(), NewActor(), NewActor());
        var set = default(ActorRefSet);
        Assert.Equal(0, set.Count);
        Assert.False(set.Remove(a));

        Assert.True(set.Add(a));
        Assert.False(set.Add(a));
        Assert.True(set.Contains(a));
        Assert.False(set.Contains(b));
        Assert.Equal(1, set.Count);

        Assert.True(set.Add(b));
        Assert.True(set.Add(c));
        Assert.False(set.Add(b));
        Assert.Equal(3, set.Count);

        Assert.True(set.Remove(b));
        Assert.False(set.Remove(b));
        Assert.False(set.Contains(b));
        Assert.Equal(2, set.Count);

        var taken = set.TakeAll();
        Assert.Equal(2, taken.Length);
        Assert.Contains(a, taken);
        Assert.Contains(c, taken);
        Assert.Equal(0, set.Count);
        Assert.Empty(set.TakeAll());
    }

    [Fact]
    public void A_single_member_is_taken_and_cleared()
    {
        var a = NewActor();
        var set = default(ActorRefSet);
        set.Add(a);
        Assert.Equal([a], set.TakeAll());
        Assert.False(set.Contains(a));

        set.Add(a);
        set.Clear();
        Assert.Equal(0, set.Count);
        Assert.True(set.Add(a));
    }
}
