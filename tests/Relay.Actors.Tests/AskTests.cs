namespace Relay.Actors.Tests;

/// <summary>Scenarios of Akka.NET's AskSpec and AskTimeoutSpec.</summary>
public sealed class AskTests : TestKit.TestKit
{
    private sealed class Answering : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "fail":
                    Sender.Tell(new Status.Failure(new InvalidOperationException("nope")));
                    break;
                case "wrong":
                    Sender.Tell(42);
                    break;
                case "twice":
                    Sender.Tell("first");
                    Sender.Tell("second");
                    break;
                case "path":
                    Sender.Tell(Sender.Path.ToString());
                    break;
                case "ignore":
                    break;
                default:
                    Sender.Tell(message);
                    break;
            }
        }
    }

    private IActorRef Answerer() => Sys.ActorOf(Props.Create(() => new Answering()));

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        Assert.Equal("hello", await Answerer().Ask<string>("hello", TimeSpan.FromSeconds(5)));
        Assert.Equal("untyped", await Answerer().Ask("untyped", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_reply_to_reference_is_a_temporary_actor()
    {
        var path = await Answerer().Ask<string>("path", TimeSpan.FromSeconds(5));
        Assert.StartsWith("akka://test/temp/$", path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Answerer().Ask<string>("fail", TimeSpan.FromSeconds(5)));
        Assert.Equal("nope", e.Message);
    }

    [Fact]
    public async Task Asking_for_Status_Failure_itself_returns_it()
    {
        var failure = await Answerer().Ask<Status.Failure>("fail", TimeSpan.FromSeconds(5));
        Assert.Equal("nope", failure.Cause.Message);
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_faults_the_task()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => Answerer().Ask<string>("wrong", TimeSpan.FromSeconds(5)));
        Assert.Contains("Ask expected message of type [System.String]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reply_within_the_timeout_faults_the_task_with_AskTimeoutException()
    {
        var clock = new ManualTimeProvider();
        await using var system = ActorSystem.Create("asking", new ActorSystemSettings { TimeProvider = clock });
        var silent = system.ActorOf(Props.Create(() => new Answering()));
        var ask = silent.Ask<string>("ignore", TimeSpan.FromSeconds(3));
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50);
        Assert.False(ask.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("3000 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_a_dead_actor_times_out_and_the_message_is_a_dead_letter()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var dead = Answerer();
        Watch(dead);
        Sys.Stop(dead);
        await ExpectTerminatedAsync(dead);
        var ask = dead.Ask<string>("anyone?", TimeSpan.FromMilliseconds(200));
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("anyone?", deadLetter.Message);
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task A_cancelled_ask_is_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        var ask = Answerer().Ask<string>("ignore", cancellation.Token);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public async Task Only_the_first_reply_completes_the_ask_and_later_ones_are_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        Assert.Equal("first", await Answerer().Ask<string>("twice", TimeSpan.FromSeconds(5)));
        var deadLetter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("second", deadLetter.Message);
    }

    private sealed record Request(IActorRef ReplyTo);

    private sealed class ReplyToActor : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is Request r) r.ReplyTo.Tell("via reply-to", Self);
        }
    }

    [Fact]
    public async Task Ask_with_a_message_factory_puts_the_temporary_reference_into_the_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReplyToActor()));
        Assert.Equal("via reply-to", await actor.Ask<string>(r => new Request(r), TimeSpan.FromSeconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task Ask_works_through_a_probe()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ask<int>("q", TimeSpan.FromSeconds(5));
        await probe.ExpectMsgAsync("q");
        probe.Reply(5);
        Assert.Equal(5, await ask);
    }
}
