using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.EndToEnd;

/// <summary>An independent client (nostr-tools over npm ws) against an in-process relay.</summary>
public class NodeClientTests
{
    [Fact]
    public async Task Nostr_tools_publishes_queries_and_receives_live_events()
    {
        await using var relay = await TestRelay.StartAsync();
        Assert.Equal("nostr-tools publish, duplicate, REQ order, live, replaceable", await NodePeer.RunAsync(relay.Url, "nostr-tools"));
    }
}
