namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's ActorSystemSpec, ActorRefSpec, ActorPathSpec and PropsSpec.</summary>
public sealed class ActorSystemTests : TestKit.TestKit
{
    private sealed class Stoppable(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message);

        protected override void PostStop() => probe.Tell($"{Self.Path.Name} stopped", ActorRefs.NoSender);
    }

    private sealed class NoArgs : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell("no-args");
    }

    private sealed class WithArgs(string greeting, int times) : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(string.Concat(Enumerable.Repeat(greeting, times)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    public void An_invalid_system_name_is_rejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));
        Assert.StartsWith($"Invalid ActorSystem name [{name}]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_follow_Akkas_format()
    {
        var actor = Sys.ActorOf(Props.Create(() => new NoArgs()), "worker");
        Assert.Equal("akka://test/user/worker", actor.Path.ToString());
        Assert.Equal("/user/worker", actor.Path.ToStringWithoutAddress());
        Assert.Equal("worker", actor.Path.Name);
        Assert.Equal(["user", "worker"], actor.Path.Elements);
        Assert.Equal("akka://test/user", actor.Path.Parent.ToString());
        Assert.Equal(actor.Path.Parent / "worker", actor.Path);
        Assert.StartsWith("[akka://test/user/worker#", actor.ToString(), StringComparison.Ordinal);
        actor.Tell("x");
        await ExpectMsgAsync("no-args");
    }

    [Fact]
    public async Task Anonymous_actors_get_dollar_names_unique_among_siblings()
    {
        var names = Enumerable.Range(0, 70).Select(_ => Sys.ActorOf(Props.Create<NoArgs>()).Path.Name).ToList();
        Assert.All(names, n => Assert.StartsWith("$", n, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("$reserved", "It must not start with '$'")]
    [InlineData("with/slash", "Illegal actor name [with/slash]")]
    [InlineData("", "Actor name must not be empty.")]
    public void Invalid_actor_names_are_rejected(string name, string reason)
    {
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<NoArgs>(), name));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_name_is_rejected()
    {
        Sys.ActorOf(Props.Create<NoArgs>(), "unique");
        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<NoArgs>(), "unique"));
        Assert.Equal("Actor name \"unique\" is not unique!", e.Message);
    }

    [Fact]
    public async Task A_name_becomes_free_once_its_actor_is_gone()
    {
        var first = Sys.ActorOf(Props.Create(() => new Stoppable(TestActor)), "reused");
        Watch(first);
        Sys.Stop(first);
        await ExpectMsgAsync("reused stopped");
        await ExpectTerminatedAsync(first);
        // The guardian reaps the child right after notifying watchers; retry briefly (bounded).
        IActorRef? second = null;
        for (var i = 0; i < 100 && second is null; i++)
        {
            try
            {
                second = Sys.ActorOf(Props.Create(() => new Stoppable(TestActor)), "reused");
            }
            catch (InvalidActorNameException)
            {
                await Task.Delay(10);
            }
        }
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
    }

    [Fact]
    public async Task Top_level_actors_created_from_many_threads_get_unique_names_and_a_contested_name_once()
    {
        var created = new System.Collections.Concurrent.ConcurrentBag<IActorRef>();
        var winners = 0;
        var losers = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++) created.Add(Sys.ActorOf(Props.Create<NoArgs>()));
            try
            {
                Sys.ActorOf(Props.Create<NoArgs>(), "contested");
                Interlocked.Increment(ref winners);
            }
            catch (InvalidActorNameException)
            {
                Interlocked.Increment(ref losers);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2000, created.Select(a => a.Path.Name).Distinct().Count());
        Assert.Equal(1, winners);
        Assert.Equal(7, losers);
        created.First().Tell("?");
        await ExpectMsgAsync("no-args");
    }

    [Fact]
    public async Task Props_can_be_built_from_a_type_a_factory_or_constructor_arguments()
    {
        Sys.ActorOf(Props.Create<NoArgs>()).Tell("?");
        await ExpectMsgAsync("no-args");
        Sys.ActorOf(Props.Create(() => new WithArgs("ab", 2))).Tell("?");
        await ExpectMsgAsync("abab");
        Sys.ActorOf(Props.Create<WithArgs>("c", 3)).Tell("?");
        await ExpectMsgAsync("ccc");
#pragma warning disable CA2263 // the Type overload is what this line exercises
        Sys.ActorOf(Props.Create(typeof(WithArgs), "d", 1)).Tell("?");
#pragma warning restore CA2263
        await ExpectMsgAsync("d");
        Sys.ActorOf<NoArgs>("shortcut").Tell("?");
        await ExpectMsgAsync("no-args");
#pragma warning disable CA2263
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
#pragma warning restore CA2263
    }

    [Fact]
    public void An_actor_cannot_be_created_with_new()
    {
        var e = Assert.Throws<ActorInitializationException>(() => new NoArgs());
        Assert.Contains("You cannot create an instance of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var system = ActorSystem.Create("terminating");
        var probe = CreateTestProbe();
        system.ActorOf(Props.Create(() => new Stoppable(probe.Ref)), "a");
        system.ActorOf(Props.Create(() => new Stoppable(probe.Ref)), "b");
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        var stopped = new[] { await probe.ExpectMsgAsync<string>(), await probe.ExpectMsgAsync<string>() };
        Assert.Equal(["a stopped", "b stopped"], stopped.Order());
        var e = Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create<NoArgs>()));
        Assert.Contains("terminating", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_are_equal_by_identity()
    {
        var a = Sys.ActorOf(Props.Create<NoArgs>(), "a");
        var b = Sys.ActorOf(Props.Create<NoArgs>(), "b");
        var probe = CreateTestProbe();
        Assert.Equal(a, a);
        Assert.NotEqual(a, b);
        Assert.True(probe.Equals(probe.Ref));
        Assert.True(probe.Ref.Equals(probe));
        Assert.NotEqual(0, a.CompareTo(b));
        Assert.False(ActorRefs.Nobody.Equals(a));
        ActorRefs.Nobody.Tell("dropped", ActorRefs.NoSender);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Identify_is_answered_by_the_kernel_with_the_actors_reference()
    {
        var actor = Sys.ActorOf(Props.Create<NoArgs>());
        actor.Tell(new Identify(17));
        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal(17, identity.MessageId);
        Assert.Equal(actor, identity.Subject);

        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
        actor.Tell(new Identify("dead?"));
        var none = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal("dead?", none.MessageId);
        Assert.Null(none.Subject);
    }

    private sealed class Forwarder(IActorRef target) : UntypedActor
    {
        protected override void OnReceive(object message) => target.Forward(message);
    }

    [Fact]
    public async Task Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));
        forwarder.Tell("via");
        await probe.ExpectMsgAsync("via");
        Assert.Equal(TestActor, probe.LastSender);
    }

    private sealed class Parent : UntypedActor
    {
        protected override void PreStart()
        {
            Context.ActorOf(Props.Create<NoArgs>(), "kid1");
            Context.ActorOf(Props.Create<NoArgs>(), "kid2");
        }

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case string name:
                    Sender.Tell(Context.Child(name));
                    break;
                default:
                    Sender.Tell(Context.GetChildren().Select(c => c.Path.Name).Order().ToArray());
                    break;
            }
        }
    }

    [Fact]
    public async Task Child_and_GetChildren_look_up_the_children()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        parent.Tell(0);
        Assert.Equal(["kid1", "kid2"], await ExpectMsgAsync<string[]>());
        parent.Tell("kid1");
        Assert.Equal("akka://test/user/parent/kid1", (await ExpectMsgAsync<IActorRef>()).Path.ToString());
        parent.Tell("nobody");
        Assert.Same(ActorRefs.Nobody, await ExpectMsgAsync<IActorRef>());
    }

    private sealed class SenderReporter : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(Sender.Equals(Context.System.DeadLetters) ? "dead letters" : "someone");
    }

    [Fact]
    public async Task The_sender_of_a_message_sent_without_one_is_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create<SenderReporter>());
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        actor.Tell("who", ActorRefs.NoSender);
        Assert.Equal("dead letters", (await ExpectMsgAsync<DeadLetter>()).Message);
    }
}
