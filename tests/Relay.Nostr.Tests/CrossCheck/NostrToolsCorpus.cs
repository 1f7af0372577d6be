using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.CrossCheck;

/// <summary>
/// Runs tests/js/nostr-corpus.mjs (nostr-tools, pinned by tests/js/package-lock.json) and reads its output.
/// The corpus is generated fresh on every run; xUnit shares one instance per test class.
/// </summary>
public sealed class NostrToolsCorpus
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public NostrToolsCorpus()
    {
        using var doc = JsonDocument.Parse(Run("generate", null));
        Version = doc.RootElement.GetProperty("nostrTools").GetString()!;
        Cases = [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new CorpusCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("expect").GetString() == "valid",
            c.GetProperty("json").GetString()!))];
    }

    public string Version { get; }

    public IReadOnlyList<CorpusCase> Cases { get; }

    /// <summary>nostr-tools' getEventHash and verifyEvent for each event JSON.</summary>
    public static IReadOnlyList<(string Id, string Hash, bool Verified)> Verify(IEnumerable<string> eventJson)
    {
        using var doc = JsonDocument.Parse(Run("verify", JsonSerializer.Serialize(eventJson)));
        return [.. doc.RootElement.EnumerateArray().Select(r => (
            r.GetProperty("id").GetString()!,
            r.GetProperty("hash").GetString()!,
            r.GetProperty("verified").GetBoolean()))];
    }

    private static string Run(string mode, string? input)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "tests", "js");
        if (!File.Exists(Path.Combine(directory, "node_modules", "nostr-tools", "package.json")))
        {
            throw new InvalidOperationException(
                $"nostr-tools is not installed in {directory}/node_modules: run ./scripts/install-test-deps.sh (npm ci in tests/js).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("nostr-corpus.mjs");
        start.ArgumentList.Add(mode);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Node.js must be on PATH to cross-check against nostr-tools.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"node nostr-corpus.mjs {mode} did not finish within {Timeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"node nostr-corpus.mjs {mode} failed ({process.ExitCode}): {stderr.Result}");
            }

            return stdout.Result;
        }
    }
}

/// <summary>One event of the corpus, as JSON.stringify wrote it.</summary>
public sealed record CorpusCase(string Name, bool ExpectValid, string Json);
