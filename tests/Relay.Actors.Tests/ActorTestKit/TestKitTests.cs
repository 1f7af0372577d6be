using Xunit.Sdk;

namespace Relay.Actors.Tests.ActorTestKit;

/// <summary>The TestKit's expectations fail exactly when they should, with a message saying why.</summary>
public sealed class TestKitTests : Actors.TestKit.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    /// <summary>Tells the test actor and waits (bounded) until the message is queued, so that a short
    /// expectation timeout is about the expectation, not about a loaded machine.</summary>
    private async Task Queue(object message)
    {
        TestActor.Tell(message);
        for (var i = 0; i < 500 && !HasMessages; i++) await Task.Delay(10);
        Assert.True(HasMessages);
    }

    [Fact]
    public async Task ExpectMsgAsync_fails_with_a_timeout_when_nothing_arrives()
    {
        var e = await Assert.ThrowsAsync<FailException>(async () => await ExpectMsgAsync("never", Short));
        Assert.StartsWith("Timeout (00:00:00.0500000) while waiting for never", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_fails_on_a_different_message_or_type()
    {
        await Queue("other");
        var e = await Assert.ThrowsAsync<FailException>(async () => await ExpectMsgAsync("expected", Short));
        Assert.Contains("<other>", e.Message, StringComparison.Ordinal);
        await Queue(5);
        var typed = await Assert.ThrowsAsync<FailException>(async () => await ExpectMsgAsync<string>(Short));
        Assert.Contains("Expected a message of type System.String", typed.Message, StringComparison.Ordinal);
        await Queue(5);
        var predicate = await Assert.ThrowsAsync<FailException>(async () => await ExpectMsgAsync<int>(i => i > 10, Short));
        Assert.Contains("the predicate rejected it", predicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_returns_the_message_and_records_its_sender()
    {
        var probe = CreateTestProbe();
        TestActor.Tell(42, probe.Ref);
        Assert.Equal(42, await ExpectMsgAsync<int>(i => i == 42));
        Assert.Equal(probe.Ref, LastSender);
        TestActor.Tell("checked");
        Assert.Equal("checked", await ExpectMsgAsync<string>(s => Assert.Equal(7, s.Length)));
    }

    [Fact]
    public async Task ExpectNoMsgAsync_fails_when_a_message_arrives()
    {
        await Queue("surprise");
        var e = await Assert.ThrowsAsync<FailException>(async () => await ExpectNoMsgAsync(Short));
        Assert.Contains("received unexpected message <surprise>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FishForMessageAsync_skips_messages_until_one_matches()
    {
        for (var i = 0; i < 5; i++) TestActor.Tell(i);
        Assert.Equal(3, await FishForMessageAsync(m => m is 3));
        Assert.Equal(4, await ExpectMsgAsync<int>());
        TestActor.Tell("x");
        Assert.Equal("x", await FishForMessageAsync<string>(s => s.Length == 1));
        var e = await Assert.ThrowsAsync<FailException>(async () => await FishForMessageAsync(_ => true, Short, "nothing"));
        Assert.Contains("during FishForMessage (nothing)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectTerminatedAsync_expects_the_watched_actors_Terminated()
    {
        var probe = CreateTestProbe();
        Watch(probe);
        Sys.Stop(probe.Ref);
        var terminated = await ExpectTerminatedAsync(probe);
        Assert.Equal(probe.Ref, terminated.ActorRef);
    }

    [Fact]
    public async Task WithinAsync_bounds_the_expectations_inside_it_and_fails_when_the_block_is_too_slow()
    {
        await WithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            Assert.True(Remaining <= Dilated(TimeSpan.FromSeconds(5)));
            TestActor.Tell("in time");
            await ExpectMsgAsync("in time");
        });
        var e = await Assert.ThrowsAsync<FailException>(() =>
            WithinAsync(TimeSpan.FromMilliseconds(10), () => Task.Delay(TimeSpan.FromMilliseconds(300))));
        Assert.Contains("exceeding", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Remaining);
    }

    [Fact]
    public async Task WithinAsync_with_a_minimum_fails_when_the_block_is_too_fast()
    {
        var e = await Assert.ThrowsAsync<FailException>(() =>
            WithinAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), () => Task.CompletedTask));
        Assert.Contains("should at least have been", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_probe_replies_forwards_and_sends_with_itself_as_sender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        probe.Tell("question", TestActor);
        await probe.ExpectMsgAsync("question");
        Assert.Equal(TestActor, probe.Sender);
        probe.Reply("answer");
        await ExpectMsgAsync("answer");
        Assert.Equal(probe.Ref, LastSender);
        probe.Forward(other);
        await other.ExpectMsgAsync("question");
        Assert.Equal(TestActor, other.LastSender);
        probe.Send(other.Ref, "direct");
        await other.ExpectMsgAsync("direct");
        Assert.Equal(probe.Ref, other.LastSender);
    }

    [Fact]
    public async Task Tell_from_the_test_uses_TestActor_as_implicit_sender_even_after_awaits()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        await Task.Yield();
        await Task.Delay(1);
        echo.Tell("back to me");
        await ExpectMsgAsync("back to me");
    }

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("0", 1.0)]
    [InlineData("-3", 1.0)]
    [InlineData("fast", 1.0)]
    public void The_dilation_factor_comes_from_RELAY_TESTKIT_DILATION_when_it_is_a_positive_number(string? raw, double factor)
    {
        var settings = TestKitSettings.FromDilation(raw);
        Assert.Equal(factor, settings.TestTimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3 * factor), settings.Dilated(settings.SingleExpectDefault));
        Assert.Equal("RELAY_TESTKIT_DILATION", TestKitSettings.DilationVariable);
    }
}
