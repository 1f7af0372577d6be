using System.CommandLine;
using Relay.LoadGenerator.Scenarios;

namespace Relay.LoadGenerator.Cli;

/// <summary><c>relay-load connect-hold</c>.</summary>
internal static class ConnectHoldCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var connections = CommonOptions.Int("--connections", 10_000, "Connections to open and hold.");
        var subscribe = new Option<bool>("--subscribe") { Description = "Hold one live subscription per connection ({\"#t\":[tag],\"limit\":0}), as k6's connect-hold.js does." };
        var tag = new Option<string>("--tag") { Description = "The t tag of the held subscriptions.", DefaultValueFactory = _ => "relay-loadtest" };
        var settle = new Option<double>("--settle") { Description = "Seconds to wait after the last connection before reading the relay's memory.", DefaultValueFactory = _ => 5 };
        var hold = new Option<double>("--hold") { Description = "Further seconds to hold the connections after measuring." };
        var census = new Option<bool>("--census") { Description = "Also count the relay's managed heap by type after measuring (.NET relays; needs --relay-pid and ptrace rights): where the memory per connection goes." };
        var relayPid = CommonOptions.RelayPid();
        var timeout = CommonOptions.Timeout(300);
        var json = CommonOptions.Json();

        var command = new Command("connect-hold", "Idle connections: open and hold them; the relay's memory per connection from /proc (k6: connect-hold.js).")
        {
            url, connections, subscribe, tag, settle, hold, census, relayPid, timeout, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (CommonOptions.ParseUrl(parseResult.GetValue(url)!, error) is not { } relay)
                return CommonOptions.ExitUsage;
            if (parseResult.GetValue(census) && parseResult.GetValue(relayPid) is null)
            {
                await error.WriteLineAsync("relay-load connect-hold: --census reads the relay's heap, so it needs --relay-pid.").ConfigureAwait(false);
                return CommonOptions.ExitUsage;
            }

            var count = parseResult.GetValue(connections);
            var (errors, warnings) = ConnectHoldScenario.CheckLimits(count, parseResult.GetValue(relayPid));
            foreach (var warning in warnings)
                await error.WriteLineAsync($"relay-load connect-hold: warning: {warning}").ConfigureAwait(false);
            foreach (var problem in errors)
                await error.WriteLineAsync($"relay-load connect-hold: {problem}").ConfigureAwait(false);
            if (errors.Count > 0)
                return CommonOptions.ExitUsage;

            var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
            {
                Url = relay,
                Connections = count,
                Subscribe = parseResult.GetValue(subscribe),
                Tag = parseResult.GetValue(tag)!,
                Settle = TimeSpan.FromSeconds(parseResult.GetValue(settle)),
                Hold = TimeSpan.FromSeconds(parseResult.GetValue(hold)),
                RelayPid = parseResult.GetValue(relayPid),
                Census = parseResult.GetValue(census),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            }, cancellationToken).ConfigureAwait(false);
            return CommonOptions.Report(parseResult, json, result);
        });
        return command;
    }
}
