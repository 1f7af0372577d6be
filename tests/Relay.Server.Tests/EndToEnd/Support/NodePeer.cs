using System.Diagnostics;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.EndToEnd.Support;

/// <summary>Runs tests/js/relay-peer.mjs (npm ws + nostr-tools) against a relay URL.</summary>
internal static class NodePeer
{
    public static string Script => Path.Combine(RepositoryRoot.Path, "tests", "js", "relay-peer.mjs");

    public static string Node()
    {
        var node = ExternalTool.RequireOnPath("node", "Node.js (and run scripts/install-test-deps.sh for tests/js/node_modules)");
        Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, "tests", "js", "node_modules", "nostr-tools")),
            "tests/js/node_modules is missing: run scripts/install-test-deps.sh (npm ci in tests/js).");
        return node;
    }

    /// <summary>Runs a scenario to its end; returns the detail after "OK " or fails the test with the peer's output.</summary>
    public static async Task<string> RunAsync(Uri url, string scenario)
    {
        var result = await ExternalTool.RunAsync(Node(), [Script, url.ToString(), scenario], timeout: TimeSpan.FromSeconds(60));
        var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        Assert.True(result.ExitCode == 0 && line.StartsWith("OK ", StringComparison.Ordinal), $"node peer {scenario}: {result.Both}");
        return line[3..];
    }

    /// <summary>Starts a scenario and returns the running process (stdout redirected).</summary>
    public static Process Start(Uri url, string scenario)
    {
        var start = new ProcessStartInfo(Node())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(url.ToString());
        start.ArgumentList.Add(scenario);
        return Process.Start(start)!;
    }
}
