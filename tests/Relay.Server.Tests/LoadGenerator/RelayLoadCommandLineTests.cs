using System.CommandLine;
using System.Text.Json;
using Relay.LoadGenerator.Cli;

namespace Relay.Server.Tests.LoadGenerator;

/// <summary>The relay-load command line: options reach the scenarios, --json is parseable, exit codes tell scripts what happened.</summary>
public sealed class RelayLoadCommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand
        {
            PublishCommand.Create(), FanoutCommand.Create(), ReqCommand.Create(), SeedCommand.Create(), ConnectHoldCommand.Create(),
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Publish_with_json_writes_a_parseable_result_and_exits_0()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var (exitCode, output, error) = await RunAsync("publish", "--url", relay.Url.ToString(), "--events", "25", "--connections", "2", "--duration", "60", "--json");

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("publish", json.RootElement.GetProperty("scenario").GetString());
        Assert.Equal(25, json.RootElement.GetProperty("accepted").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("missing").GetInt64());
    }

    [Fact]
    public async Task Subscribe_fanout_alias_runs_fanout_and_prints_a_table()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var (exitCode, output, error) = await RunAsync("subscribe-fanout", "--url", relay.Url.ToString(), "--subscribers", "5", "--events", "4");

        Assert.True(exitCode == 0, error + output);
        Assert.StartsWith("relay-load fanout", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  deliveries +20 of 20$", output);
    }

    [Fact]
    public async Task Req_exits_1_when_queries_are_answered_with_CLOSED()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var (exitCode, output, _) = await RunAsync("req-mix", "--url", relay.Url.ToString(), "--queries", "3", "--kinds", "70000", "--json");

        Assert.Equal(CommonOptions.ExitIncomplete, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("eose").GetInt64());
    }

    [Fact]
    public async Task Seed_reports_progress_per_batch_on_stderr_and_keeps_stdout_json()
    {
        await using var relay = await LoopbackNostrRelay.StartAsync();

        var (exitCode, output, error) = await RunAsync("seed", "--url", relay.Url.ToString(), "--events", "30", "--batch", "10", "--json");

        Assert.True(exitCode == 0, error + output);
        Assert.Equal(30, JsonDocument.Parse(output).RootElement.GetProperty("publish").GetProperty("accepted").GetInt64());
        Assert.Equal(
            ["relay-load seed: 10 of 30 signed, 10 accepted", "relay-load seed: 20 of 30 signed, 20 accepted", "relay-load seed: 30 of 30 signed, 30 accepted"],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("publish --url http://127.0.0.1:1/ --events 1", "--url must be an absolute ws:// URL")]
    [InlineData("seed --events 10", "give --url, --write-jsonl or both")]
    public async Task Invalid_input_exits_2_and_says_why(string args, string expected)
    {
        var (exitCode, _, error) = await RunAsync(args.Split(' '));

        Assert.Equal(CommonOptions.ExitUsage, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_positive_counts_are_refused_by_the_parser()
    {
        var (exitCode, _, error) = await RunAsync("publish", "--url", "ws://127.0.0.1:1/", "--events", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--events must be positive.", error, StringComparison.Ordinal);
    }
}
