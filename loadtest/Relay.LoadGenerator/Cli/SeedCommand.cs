using System.CommandLine;
using Relay.LoadGenerator.Scenarios;

namespace Relay.LoadGenerator.Cli;

/// <summary><c>relay-load seed</c>.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "Relay WebSocket URL to publish to; omit to only write --write-jsonl." };
        var events = CommonOptions.Int("--events", 1_000_000, "Events to create.");
        var connections = CommonOptions.Int("--connections", 4, "Publishing connections.");
        var window = CommonOptions.Int("--window", 256, "Events awaiting OK per connection.");
        var batch = CommonOptions.Int("--batch", 20_000, "Events signed then published at a time.");
        var writeJsonl = new Option<FileInfo?>("--write-jsonl") { Description = "Also write the signed events as JSONL (for `relay import`, which is faster than publishing)." };
        var timeout = CommonOptions.Timeout(3_600);
        var json = CommonOptions.Json();
        var recipe = new CommonOptions.RecipeOptions();

        var command = new Command("seed", "Fill a relay's database by publishing signed events (authors from --key-seed, as req expects), or write them as JSONL.")
        {
            url, events, connections, window, batch, writeJsonl, timeout, json,
        };
        recipe.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            Uri? relay = null;
            if (parseResult.GetValue(url) is { } text && (relay = CommonOptions.ParseUrl(text, error)) is null)
                return CommonOptions.ExitUsage;
            if (relay is null && parseResult.GetValue(writeJsonl) is null)
            {
                await error.WriteLineAsync("relay-load seed: give --url, --write-jsonl or both.").ConfigureAwait(false);
                return CommonOptions.ExitUsage;
            }

            var result = await SeedScenario.RunAsync(new SeedSettings
            {
                Url = relay,
                Events = parseResult.GetValue(events),
                Connections = parseResult.GetValue(connections),
                Window = parseResult.GetValue(window),
                Batch = parseResult.GetValue(batch),
                WriteJsonl = parseResult.GetValue(writeJsonl)?.FullName,
                Recipe = recipe.Recipe(parseResult),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                // Progress goes to stderr, so --json output on stdout stays one parseable object.
                OnBatch = (done, accepted) => error.WriteLine(
                    $"relay-load seed: {done:N0} of {parseResult.GetValue(events):N0} signed{(relay is null ? "" : $", {accepted:N0} accepted")}"),
            }, cancellationToken).ConfigureAwait(false);
            return CommonOptions.Report(parseResult, json, result);
        });
        return command;
    }
}
