using System.CommandLine;
using Relay.LoadGenerator.Scenarios;

namespace Relay.LoadGenerator.Cli;

/// <summary><c>relay-load req</c> (alias <c>req-mix</c>, the k6 script's name).</summary>
internal static class ReqCommand
{
    public static Command Create()
    {
        var url = CommonOptions.Url();
        var queries = CommonOptions.Int("--queries", 1_000, "REQs to run in total.");
        var concurrency = CommonOptions.Int("--concurrency", 8, "Connections running REQs in parallel, each one REQ at a time.");
        var perQuery = CommonOptions.Int("--authors-per-query", 1, "Authors in each filter, drawn from the seeded set.");
        var limit = CommonOptions.Int("--limit", 100, "The filter's limit.");
        var queryTimeout = CommonOptions.Int("--query-timeout", 10, "Seconds to wait for one EOSE before counting a timeout.");
        var input = new Option<FileInfo?>("--input") { Description = "Take the authors from this JSONL file instead of --key-seed/--authors." };
        var timeout = CommonOptions.Timeout(120);
        var json = CommonOptions.Json();
        var recipe = new CommonOptions.RecipeOptions();

        var command = new Command("req", "REQ latency: time to EOSE for an authors+kinds+limit filter over the seeded authors (k6: req-mix.js).")
        {
            url, queries, concurrency, perQuery, limit, queryTimeout, input, timeout, json,
        };
        command.Aliases.Add("req-mix");
        recipe.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (CommonOptions.ParseUrl(parseResult.GetValue(url)!, parseResult.InvocationConfiguration.Error) is not { } relay)
                return CommonOptions.ExitUsage;
            var events = recipe.Recipe(parseResult);
            var result = await ReqScenario.RunAsync(new ReqSettings
            {
                Url = relay,
                Queries = parseResult.GetValue(queries),
                Concurrency = parseResult.GetValue(concurrency),
                AuthorsPerQuery = parseResult.GetValue(perQuery),
                Kinds = events.Kinds,
                Limit = parseResult.GetValue(limit),
                Recipe = events,
                InputFile = parseResult.GetValue(input)?.FullName,
                QueryTimeout = TimeSpan.FromSeconds(parseResult.GetValue(queryTimeout)),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
            }, cancellationToken).ConfigureAwait(false);
            return CommonOptions.Report(parseResult, json, result);
        });
        return command;
    }
}
