using System.CommandLine;
using Relay.LoadGenerator.Scenarios;

namespace Relay.LoadGenerator.Cli;

/// <summary><c>relay-load fanout</c> (alias <c>subscribe-fanout</c>, the k6 script's name).</summary>
internal static class FanoutCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var subscribers = CommonOptions.Int("--subscribers", 1_000, "Live subscriptions in total.");
        var perConnection = CommonOptions.Int("--subscriptions-per-connection", 1, "Subscriptions sharing one connection (the relay's per-connection limit applies).");
        var events = CommonOptions.Int("--events", 1_000, "Events to publish.");
        var publishers = CommonOptions.Int("--publishers", 1, "Publishing connections.");
        var window = CommonOptions.Int("--window", 256, "Events awaiting OK per publishing connection.");
        var rate = new Option<double>("--rate") { Description = "Target events/s over all publishers; 0 = as fast as the relay answers." };
        var kind = new Option<int>("--kind") { Description = "Kind of the published events: 1 (stored, default) or e.g. 20001 (ephemeral: broadcast only).", DefaultValueFactory = _ => 1 };
        var authors = CommonOptions.Int("--authors", 16, "Distinct authors of the published events.");
        var relayPid = CommonOptions.RelayPid();
        var timeout = CommonOptions.Timeout(120);
        var json = CommonOptions.Json();

        var command = new Command("fanout", "Fan-out: subscribers hold a live REQ, a publisher sends events; deliveries/s and publish-to-delivery latency (k6: subscribe-fanout.js).")
        {
            url, subscribers, perConnection, events, publishers, window, rate, kind, authors, relayPid, timeout, json,
        };
        command.Aliases.Add("subscribe-fanout");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (CommonOptions.ParseUrl(parseResult.GetValue(url)!, parseResult.InvocationConfiguration.Error) is not { } relay)
                return CommonOptions.ExitUsage;
            var result = await FanoutScenario.RunAsync(new FanoutSettings
            {
                Url = relay,
                Subscribers = parseResult.GetValue(subscribers),
                SubscriptionsPerConnection = parseResult.GetValue(perConnection),
                Events = parseResult.GetValue(events),
                Publishers = parseResult.GetValue(publishers),
                Window = parseResult.GetValue(window),
                Rate = parseResult.GetValue(rate),
                Kind = parseResult.GetValue(kind),
                Recipe = new Events.EventRecipe { Authors = parseResult.GetValue(authors) },
                RelayPid = parseResult.GetValue(relayPid),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            }, cancellationToken).ConfigureAwait(false);
            return CommonOptions.Report(parseResult, json, result);
        });
        return command;
    }
}
