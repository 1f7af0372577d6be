using System.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>Runs a command-line tool the tests rely on, bounded in time; a missing tool fails naming its package.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Both => Output + Error;
    }

    /// <summary>Fails the test (never skips it) when <paramref name="path"/> is not installed.</summary>
    public static string Require(string path, string debianPackage)
    {
        Assert.True(File.Exists(path),
            $"{path} is missing: install the Debian package '{debianPackage}' (scripts/install-test-deps.sh does).");
        return path;
    }

    /// <summary>The full path of <paramref name="command"/> found on PATH; fails the test naming what to install.</summary>
    public static string RequireOnPath(string command, string install)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command)).FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"{command} is not on PATH: install {install}.");
        return found!;
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string? standardInput = null,
        string? workingDirectory = null, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
            var error = process.StandardError.ReadToEndAsync(cancel.Token);
            if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancel.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(cancel.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }
    }
}
