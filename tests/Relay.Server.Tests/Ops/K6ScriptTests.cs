using System.Text.Json;
using System.Text.RegularExpressions;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// loadtest/: k6 cannot be installed here, so the scripts are checked as far as Node can: they parse as ES
/// modules, their init context runs under k6-module shims and passes k6's pre-run checks (scenarios, thresholds
/// on defined metrics, durations), and the event generator writes events that nostr-tools verifies.
/// </summary>
public class K6ScriptTests : IClassFixture<K6ScriptTests.GeneratedEvents>
{
    private static readonly string[] Scripts = ["connect-hold", "publish", "subscribe-fanout", "req-mix"];
    private readonly GeneratedEvents _events;

    public K6ScriptTests(GeneratedEvents events) => _events = events;

    private static string Node => ExternalTool.RequireOnPath("node", "Node.js (Debian package 'nodejs')");

    private static string Generator => RepositoryRoot.File("loadtest", "scripts", "generate-events.mjs");

    /// <summary>One generated file shared by the tests of this class (signing takes a few milliseconds an event).</summary>
    public sealed class GeneratedEvents : IAsyncLifetime
    {
        public const int Count = 64;
        public const int Authors = 8;

        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("relay-k6-").FullName;

        public string File => Path.Combine(Directory, "events.jsonl");

        public string GeneratorOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var result = await ExternalTool.RunAsync(Node,
                [Generator, "--count", Count.ToString(), "--authors", Authors.ToString(), "--seed", "tests", "--out", File]);
            Assert.True(result.ExitCode == 0, result.Both);
            GeneratorOutput = result.Error;
        }

        public Task DisposeAsync()
        {
            System.IO.Directory.Delete(Directory, recursive: true);
            return Task.CompletedTask;
        }
    }

    private static async Task<JsonDocument> VerifyWithNostrToolsAsync(string file)
    {
        // Run from tests/js so the bare specifier resolves to its pinned nostr-tools.
        const string verifier = """
            import { readFileSync } from 'node:fs';
            import { verifyEvent } from 'nostr-tools/pure';
            const events = readFileSync(process.argv[1], 'utf8').trim().split('\n').map((line) => JSON.parse(line));
            const ids = new Set(events.map((e) => e.id));
            const notes = new Set(events.filter((e) => e.kind === 1).map((e) => e.id));
            console.log(JSON.stringify({
              count: events.length,
              verified: events.filter((e) => verifyEvent(e)).length,
              uniqueIds: ids.size,
              kinds: [...new Set(events.map((e) => e.kind))].sort((a, b) => a - b),
              authors: [...new Set(events.map((e) => e.pubkey))].sort(),
              tagged: events.filter((e) => e.tags.some((t) => t[0] === 't' && t[1] === 'relay-loadtest')).length,
              reactionsToKnownNotes: events.filter((e) => e.kind === 7).every((e) => e.tags.some((t) => t[0] === 'e' && notes.has(t[1]))),
              addressableWithD: events.filter((e) => e.kind >= 30000 && e.kind < 40000).every((e) => e.tags.some((t) => t[0] === 'd')),
              ascending: events.every((e, i) => i === 0 || events[i - 1].created_at <= e.created_at),
            }));
            """;
        var result = await ExternalTool.RunAsync(Node, ["--input-type=module", "-e", verifier, file], workingDirectory: RepositoryRoot.File("tests", "js"));
        Assert.True(result.ExitCode == 0, result.Both);
        return JsonDocument.Parse(result.Output);
    }

    [Fact]
    public async Task Generator_writes_events_that_nostr_tools_verifies()
    {
        using var report = await VerifyWithNostrToolsAsync(_events.File);
        var r = report.RootElement;
        Assert.Equal(GeneratedEvents.Count, r.GetProperty("count").GetInt32());
        Assert.Equal(GeneratedEvents.Count, r.GetProperty("verified").GetInt32());
        Assert.Equal(GeneratedEvents.Count, r.GetProperty("uniqueIds").GetInt32());
        Assert.Equal(GeneratedEvents.Count, r.GetProperty("tagged").GetInt32());
        Assert.Equal(GeneratedEvents.Authors, r.GetProperty("authors").GetArrayLength());
        // Every NIP-01 class: regular (1, 7), replaceable (0, 10002), ephemeral (20001), addressable (30023).
        Assert.Equal([0, 1, 7, 10002, 20001, 30023], r.GetProperty("kinds").EnumerateArray().Select(k => k.GetInt32()));
        Assert.True(r.GetProperty("reactionsToKnownNotes").GetBoolean());
        Assert.True(r.GetProperty("addressableWithD").GetBoolean());
        Assert.True(r.GetProperty("ascending").GetBoolean());
        Assert.Contains($"generate-events: {GeneratedEvents.Count} events by {GeneratedEvents.Authors} authors", _events.GeneratorOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generator_derives_authors_from_the_seed_and_signs_fresh_events_each_run()
    {
        var again = Path.Combine(_events.Directory, "again.jsonl");
        var other = Path.Combine(_events.Directory, "other.jsonl");
        var first = await ExternalTool.RunAsync(Node, [Generator, "--count", "16", "--authors", "8", "--seed", "tests", "--out", again]);
        var second = await ExternalTool.RunAsync(Node, [Generator, "--count", "16", "--authors", "8", "--seed", "elsewhere", "--out", other]);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Both + second.Both);
        using var original = await VerifyWithNostrToolsAsync(_events.File);
        using var same = await VerifyWithNostrToolsAsync(again);
        using var different = await VerifyWithNostrToolsAsync(other);
        string[] Authors(JsonDocument d) => d.RootElement.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal(Authors(original), Authors(same));
        Assert.Empty(Authors(original).Intersect(Authors(different)));
        var ids = File.ReadLines(_events.File).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(File.ReadLines(again).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()), ids.Contains);
    }

    [Theory]
    [InlineData("--count", "0", "generate-events: --count must be a positive integer, not \"0\"")]
    [InlineData("--authors", "many", "generate-events: --authors must be a positive integer, not \"many\"")]
    [InlineData("--colour", "blue", "generate-events: unknown option --colour")]
    public async Task Generator_refuses_bad_arguments(string option, string value, string message)
    {
        var result = await ExternalTool.RunAsync(Node, [Generator, option, value, "--out", Path.Combine(_events.Directory, "unused.jsonl")]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, result.Error.Trim());
    }

    [Fact]
    public async Task Every_k6_file_parses_as_an_ES_module()
    {
        var package = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("loadtest", "k6", "package.json")));
        Assert.Equal("module", package.RootElement.GetProperty("type").GetString());
        var files = Directory.GetFiles(RepositoryRoot.File("loadtest", "k6"), "*.js", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/node_modules/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Scripts.Length + 2, files.Length);   // the scripts and lib/nostr.js, lib/publisher.js
        foreach (var file in files)
        {
            var result = await ExternalTool.RunAsync(Node, ["--check", file]);
            Assert.True(result.ExitCode == 0, $"{file}: {result.Error}");
        }
    }

    [Theory]
    [InlineData("connect-hold", "hold", "ws_connecting", null)]
    [InlineData("publish", "publish", "nostr_time_to_ok", "events")]
    [InlineData("subscribe-fanout", "subscribers publishers", "nostr_fanout_latency", "events")]
    [InlineData("req-mix", "mix", "nostr_time_to_eose{filter:ids}", "corpus")]
    public async Task K6_script_initialises_and_passes_the_checks_k6_makes_before_a_run(string script, string scenarios, string threshold, string? sharedArray)
    {
        var shim = RepositoryRoot.File("tests", "Relay.Server.Tests", "Ops", "K6Shim");
        var result = await ExternalTool.RunAsync(Node,
            ["--import", Path.Combine(shim, "register.mjs"), Path.Combine(shim, "runner.mjs"), RepositoryRoot.File("loadtest", "k6", script + ".js")],
            environment: new Dictionary<string, string> { ["EVENTS_FILE"] = _events.File });
        Assert.True(result.ExitCode == 0, result.Both);
        using var report = JsonDocument.Parse(result.Output);
        var r = report.RootElement;
        Assert.Empty(r.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(scenarios.Split(' '), r.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString()!));
        Assert.Contains(threshold, r.GetProperty("thresholds").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("checks", r.GetProperty("thresholds").EnumerateArray().Select(t => t.GetString()));
        if (sharedArray is not null)
        {
            var shared = Assert.Single(r.GetProperty("sharedArrays").EnumerateArray());
            Assert.Equal(sharedArray, shared.GetProperty("name").GetString());
            Assert.Equal(sharedArray == "events" ? GeneratedEvents.Count : 1, shared.GetProperty("length").GetInt32());
        }
    }

    [Fact]
    public async Task K6_script_with_a_threshold_on_an_undefined_metric_is_reported()
    {
        // .mjs: an ES module wherever it lives, so the broken script stays out of the repository.
        var broken = Path.Combine(_events.Directory, "broken.mjs");
        await File.WriteAllTextAsync(broken, """
            import ws from 'k6/ws';
            import { Trend } from 'k6/metrics';
            const latency = new Trend('latency', true);
            export const options = {
              scenarios: { only: { executor: 'constant-vus', vus: 1, duration: '10x' } },
              thresholds: { latancy: ['p(95)<100'], latency: ['count>1'] },
            };
            export default function () { ws.connect('ws://127.0.0.1:1', {}, function () {}); }
            """);
        try
        {
            var shim = RepositoryRoot.File("tests", "Relay.Server.Tests", "Ops", "K6Shim");
            var result = await ExternalTool.RunAsync(Node, ["--import", Path.Combine(shim, "register.mjs"), Path.Combine(shim, "runner.mjs"), broken]);
            using var report = JsonDocument.Parse(result.Output);
            Assert.Equal(
                ["threshold on undefined metric latancy", "threshold latency: count does not apply to a trend", "scenario only: duration \"10x\""],
                report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void K6_scripts_use_only_the_classic_ws_module_and_core_k6_modules()
    {
        var allowed = new HashSet<string> { "k6", "k6/ws", "k6/metrics", "k6/data", "k6/execution" };
        foreach (var file in Directory.GetFiles(RepositoryRoot.File("loadtest", "k6"), "*.js", SearchOption.AllDirectories))
        {
            var imports = Regex.Matches(File.ReadAllText(file), @"^import .* from '([^']+)';$", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            foreach (var module in imports)
                Assert.True(allowed.Contains(module) || module.StartsWith("./", StringComparison.Ordinal), $"{file} imports {module}");
        }
        foreach (var script in Scripts)
            Assert.Contains("import ws from 'k6/ws';", File.ReadAllText(RepositoryRoot.File("loadtest", "k6", script + ".js")), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_explains_every_script_and_the_remote_write_to_the_compose_Prometheus()
    {
        var readme = File.ReadAllText(RepositoryRoot.File("loadtest", "k6", "README.md"));
        foreach (var script in Scripts) Assert.Contains(script + ".js", readme, StringComparison.Ordinal);
        foreach (var needle in new[] { "generate-events.mjs", "experimental-prometheus-rw", "K6_PROMETHEUS_RW_SERVER_URL", "--web.enable-remote-write-receiver", "RELAY_URL" })
            Assert.Contains(needle, readme, StringComparison.Ordinal);
    }
}
