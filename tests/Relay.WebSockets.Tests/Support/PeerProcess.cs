using System.Diagnostics;

namespace Relay.WebSockets.Tests.Support;

/// <summary>Runs the independent peers under tests/python and tests/js, with bounded waits.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly Process _process;

    private readonly bool _exitsWhenStdinCloses;

    private PeerProcess(Process process, int port, bool exitsWhenStdinCloses)
    {
        _process = process;
        Port = port;
        _exitsWhenStdinCloses = exitsWhenStdinCloses;
    }

    public int Port { get; }

    public Uri Uri => new($"ws://127.0.0.1:{Port}/");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Relay.sln")))
                    return directory.FullName;
            }

            throw new InvalidOperationException("Relay.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public enum Peer
    {
        Python,
        Node,
    }

    /// <summary>The interpreter and script for a peer; fails the test with the install step when the peer is missing.</summary>
    public static (string FileName, string Script) Locate(Peer peer, string script)
    {
        var root = RepositoryRoot;
        if (peer == Peer.Python)
        {
            var check = Run("/usr/bin/python3", ["-c", "import websockets"], root);
            Assert.True(check.ExitCode == 0,
                "Debian's python3-websockets is missing: run ./scripts/install-test-deps.sh (it runs apt-get install python3-websockets). " + check.Output);
            return ("/usr/bin/python3", Path.Combine(root, "tests", "python", script));
        }

        Assert.True(File.Exists(Path.Combine(root, "tests", "js", "node_modules", "ws", "package.json")),
            "npm ws is missing from tests/js/node_modules: run ./scripts/install-test-deps.sh (it runs npm ci in tests/js).");
        return ("node", Path.Combine(root, "tests", "js", script));
    }

    /// <summary>Runs a peer script to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(Peer peer, string script, params string[] arguments)
    {
        var (fileName, path) = Locate(peer, script);
        using var process = Start(fileName, [path, .. arguments]);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', arguments)} did not finish within {Bound}");
        }

        return (process.ExitCode, (await output).Trim() + (await error).Trim());
    }

    /// <summary>Starts a peer server script and waits for its "PORT n" line.</summary>
    public static Task<PeerProcess> StartServerAsync(Peer peer, string script)
    {
        var (fileName, path) = Locate(peer, script);
        return StartListeningAsync(fileName, [path], "PORT ", exitsWhenStdinCloses: true);
    }

    /// <summary>Starts <c>relay echo --listen 127.0.0.1:0</c> from the Relay.Server build output and waits for its address line.</summary>
    public static Task<PeerProcess> StartRelayEchoAsync()
    {
        // tests/Relay.WebSockets.Tests/bin/<Configuration>/net10.0/ -> src/Relay.Server/bin/<Configuration>/net10.0/relay.dll
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var relay = Path.Combine(RepositoryRoot, "src", "Relay.Server", "bin", output.Parent!.Name, output.Name, "relay.dll");
        Assert.True(File.Exists(relay), $"{relay} is missing: build Relay.sln first.");
        return StartListeningAsync("dotnet", [relay, "echo", "--listen", "127.0.0.1:0"], "relay echo: listening on ws://127.0.0.1:", exitsWhenStdinCloses: false);
    }

    private static async Task<PeerProcess> StartListeningAsync(string fileName, string[] arguments, string portPrefix, bool exitsWhenStdinCloses)
    {
        var process = Start(fileName, arguments);
        using var timeout = new CancellationTokenSource(Bound);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith(portPrefix, StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{string.Join(' ', arguments)} did not report its port: {line} {await process.StandardError.ReadToEndAsync()}");
        }

        return new PeerProcess(process, int.Parse(line[portPrefix.Length..].TrimEnd('/')), exitsWhenStdinCloses);
    }

    private static Process Start(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
    }

    private static (int ExitCode, string Output) Run(string fileName, string[] arguments, string directory)
    {
        try
        {
            using var process = Start(fileName, arguments);
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(Bound);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, $"{fileName} cannot be started in {directory}: {missing.Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited && !_exitsWhenStdinCloses)
            _process.Kill(entireProcessTree: true);
        if (!_process.HasExited)
        {
            // Peer scripts exit when stdin closes.
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
