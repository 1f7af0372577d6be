using System.Net;
using System.Net.Sockets;
using Relay.LoadGenerator.Scenarios;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class ConnectHoldScenarioTests
{
    [Fact]
    public async Task ConnectHold_opens_holds_and_closes_every_connection_with_its_subscription()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
        {
            Url = relay.Url, Connections = 40, Subscribe = true, Settle = TimeSpan.Zero,
            RelayPid = Environment.ProcessId, Timeout = TimeSpan.FromSeconds(60),
        }, CancellationToken.None);

        Assert.True(result.Complete);
        Assert.Equal(40, result.Opened);
        Assert.Equal(40, result.Subscribed);
        Assert.Equal(0, result.Lost);
        Assert.NotNull(result.RelayRssBeforeBytes);
        Assert.NotNull(result.RelayBytesPerConnection);
    }

    [Fact]
    public async Task ConnectHold_counts_subscriptions_answered_with_CLOSED_instead_of_waiting_for_EOSE()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
        {
            Url = relay.Url, Connections = 20, Subscribe = true, Tag = LoopbackNostrRelay.RefusedTag, Settle = TimeSpan.Zero,
            Timeout = TimeSpan.FromSeconds(60),
        }, CancellationToken.None);

        Assert.False(result.TimedOut);
        Assert.Equal(20, result.Opened);
        Assert.Equal(0, result.Subscribed);
        Assert.Equal(20, result.ClosedByRelay["restricted:"]);
        Assert.False(result.Complete);
    }

    [Fact]
    public async Task ConnectHold_counts_refused_connections_by_reason()
    {
        // A port we hold bound but never listen on: every connection is refused the same way, and no one else can take it.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var url = new Uri($"ws://127.0.0.1:{((IPEndPoint)bound.LocalEndPoint!).Port}/");

        var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
        {
            Url = url, Connections = 5, Settle = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(60),
        }, CancellationToken.None);

        Assert.Equal(0, result.Opened);
        Assert.Equal(5, result.ConnectFailures["ConnectionFailed"]);
        Assert.False(result.Complete);
    }

    [Fact]
    public void CheckLimits_refuses_more_connections_than_this_process_may_open_and_says_how_to_fix_it()
    {
        var (errors, _) = ConnectHoldScenario.CheckLimits(int.MaxValue - 1_000, relayPid: null);

        var error = Assert.Single(errors);
        Assert.Contains("ulimit -n", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLimits_warns_about_the_per_ip_cap_for_thousands_of_connections_from_one_address()
    {
        var (errors, warnings) = ConnectHoldScenario.CheckLimits(2_000, relayPid: null);

        Assert.Empty(errors);
        Assert.Contains(warnings, warning => warning.Contains("per-IP connection cap", StringComparison.Ordinal));
    }
}
