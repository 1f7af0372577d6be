using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Ops;

/// <summary>
/// A real Prometheus (Debian's /usr/bin/prometheus) scraping one target, with its own config and storage in a
/// temp directory and its web API on a free loopback port. Every wait is bounded; the process is killed and the
/// directory deleted on dispose, whatever happened. Point it at any <c>/metrics</c> URL: the catalogue test app
/// now, <c>relay serve</c> once it exists.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly string _directory;
    private readonly HttpClient _http;
    private readonly StringWriter _log;

    private PrometheusServer(Process process, string directory, Uri api, StringWriter log)
    {
        _process = process;
        _directory = directory;
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Prometheus' own output so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> every second, evaluating <paramref name="ruleFiles"/>.</summary>
    public static async Task<PrometheusServer> StartAsync(Uri target, params string[] ruleFiles)
    {
        ExternalTool.Require(Binary, "prometheus");
        Exception? last = null;
        // A free port found by binding port 0 can be taken by a concurrent test before Prometheus binds it:
        // Prometheus then exits, and we try again with another port.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("relay-prometheus-").FullName;
            try
            {
                return await TryStartAsync(target, ruleFiles, directory);
            }
            catch (PrometheusStartException e)
            {
                last = e;
                TryDelete(directory);
            }
        }
        throw new InvalidOperationException("Prometheus did not start", last);
    }

    /// <summary>Waits until the target has been scraped successfully <paramref name="scrapes"/> times.</summary>
    public async Task WaitForScrapesAsync(int scrapes, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var result = await QueryAsync("count_over_time(up{job=\"relay\"}[5m]) and on() up{job=\"relay\"} == 1");
            if (result.GetArrayLength() == 1 && ScalarValue(result[0]) >= scrapes) return;
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException($"Prometheus did not scrape the target {scrapes} times within {timeout}:\n{await TargetsAsync()}\n{Log}");
    }

    /// <summary>Runs an instant query; fails with Prometheus' error message if the query is invalid.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var data = await GetDataAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        return data.GetProperty("result");
    }

    /// <summary>The <c>data</c> of an API answer whose status is not <c>success</c> becomes an exception naming the error.</summary>
    public async Task<JsonElement> GetDataAsync(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
            throw new PrometheusQueryException($"{pathAndQuery}: {root.GetProperty("errorType").GetString()}: {root.GetProperty("error").GetString()}");
        return root.GetProperty("data").Clone();
    }

    /// <summary>
    /// Every loaded rule, once each has been evaluated (health is "unknown" until the first evaluation, every second
    /// here) or <paramref name="timeout"/> has passed, whichever comes first.
    /// </summary>
    public async Task<JsonElement[]> EvaluatedRulesAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var data = await GetDataAsync("/api/v1/rules");
            var rules = data.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToArray();
            if (rules.All(r => r.GetProperty("health").GetString() != "unknown") || DateTime.UtcNow > deadline)
                return rules;
            await Task.Delay(200);
        }
    }

    public async Task<string> TargetsAsync() => (await GetDataAsync("/api/v1/targets")).ToString();

    /// <summary>The numeric value of a vector sample <c>{"metric":..., "value":[t, "v"]}</c>.</summary>
    public static double ScalarValue(JsonElement sample) =>
        double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        finally
        {
            _process.Dispose();
            TryDelete(_directory);
        }
    }

    private static async Task<PrometheusServer> TryStartAsync(Uri target, string[] ruleFiles, string directory)
    {
        var port = FreeLoopbackPort();
        var config = Path.Combine(directory, "prometheus.yml");
        var rules = string.Concat(ruleFiles.Select(f => $"\n  - '{f}'"));
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            rule_files:{(rules.Length == 0 ? " []" : rules)}
            scrape_configs:
              - job_name: relay
                metrics_path: '{target.AbsolutePath}'
                scheme: {target.Scheme}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory, "data"),
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var log = new StringWriter();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port}/"), log);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                var output = server.Log;
                await server.DisposeAsync();
                throw new PrometheusStartException($"Prometheus exited with {process.ExitCode}:\n{output}");
            }
            try
            {
                using var ready = await server._http.GetAsync("/-/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(PollInterval);
        }
        var startLog = server.Log;
        await server.DisposeAsync();
        throw new TimeoutException($"Prometheus was not ready within {StartTimeout}:\n{startLog}");
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class PrometheusStartException(string message) : Exception(message);
}
