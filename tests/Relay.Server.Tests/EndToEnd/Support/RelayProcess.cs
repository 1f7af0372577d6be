using System.Diagnostics;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.EndToEnd.Support;

/// <summary>A real <c>relay serve</c> process (the built relay.dll) on 127.0.0.1 port 0.</summary>
internal sealed class RelayProcess : IDisposable
{
    private RelayProcess(Process process, Uri url)
    {
        Process = process;
        Url = url;
    }

    public Process Process { get; }

    public Uri Url { get; }

    public static async Task<RelayProcess> StartAsync(string dataDirectory, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "relay.dll"), "serve", "--listen", "127.0.0.1:0", "--data", dataDirectory, .. extra])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 1000; i++)
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token);
            Assert.True(line is not null, "relay serve exited before listening");
            const string marker = "relay serve: listening on ";
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                // Keep draining stdout so the relay never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new RelayProcess(process, new Uri(line[marker.Length..]));
            }
        }

        throw new InvalidOperationException("relay serve did not report its address");
    }

    /// <summary>SIGTERM, as an init system or <c>docker stop</c> sends it.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ExternalTool.RunAsync("/bin/kill", ["-TERM", Process.Id.ToString()]);
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<int> WaitForExitAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Process.WaitForExitAsync(cts.Token);
        return Process.ExitCode;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
