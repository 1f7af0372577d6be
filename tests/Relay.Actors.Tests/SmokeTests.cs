using Relay.Actors;
using Relay.Actors.TestKit;

namespace Relay.Actors.Tests;

public sealed class SmokeTests : TestKit.TestKit
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m));
    }

    [Fact]
    public async Task Echo_replies_to_the_implicit_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");
        echo.Tell("hello");
        await ExpectMsgAsync("hello");
        await Task.Delay(10);
        echo.Tell("again");
        await ExpectMsgAsync("again");
        Assert.Equal("akka://test/user/echo", echo.Path.ToString());
    }
}
