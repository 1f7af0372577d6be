using System.CommandLine;
using Relay.LoadGenerator.Scenarios;

namespace Relay.LoadGenerator.Cli;

/// <summary><c>relay-load publish</c>.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var events = CommonOptions.Int("--events", 10_000, "Events to publish.");
        var connections = CommonOptions.Int("--connections", 4, "Publishing connections; events are spread round-robin.");
        var window = CommonOptions.Int("--window", 256, "Events awaiting OK per connection (pipelining depth).");
        var rate = new Option<double>("--rate") { Description = "Target events/s over all connections; 0 = as fast as the relay answers." };
        var input = new Option<FileInfo?>("--input") { Description = "Pre-signed events (JSONL, e.g. from loadtest/scripts/generate-events.mjs) instead of generating." };
        var relayPid = CommonOptions.RelayPid();
        var timeout = CommonOptions.Timeout(120);
        var json = CommonOptions.Json();
        var recipe = new CommonOptions.RecipeOptions();

        var command = new Command("publish", "Ingest: publish pre-signed events pipelined and count OKs (k6: publish.js).")
        {
            url, events, connections, window, rate, input, relayPid, timeout, json,
        };
        recipe.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (CommonOptions.ParseUrl(parseResult.GetValue(url)!, parseResult.InvocationConfiguration.Error) is not { } relay)
                return CommonOptions.ExitUsage;
            var result = await PublishScenario.RunAsync(new PublishSettings
            {
                Url = relay,
                Events = parseResult.GetValue(events),
                Connections = parseResult.GetValue(connections),
                Window = parseResult.GetValue(window),
                Rate = parseResult.GetValue(rate),
                InputFile = parseResult.GetValue(input)?.FullName,
                Recipe = recipe.Recipe(parseResult),
                RelayPid = parseResult.GetValue(relayPid),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            }, cancellationToken).ConfigureAwait(false);
            return CommonOptions.Report(parseResult, json, result);
        });
        return command;
    }
}
