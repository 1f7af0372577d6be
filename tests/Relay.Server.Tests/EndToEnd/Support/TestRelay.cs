using Relay.Server.Configuration;
using Relay.Server.Hosting;

namespace Relay.Server.Tests.EndToEnd.Support;

/// <summary>An in-process <c>relay serve</c> on 127.0.0.1 port 0 with its own temporary data directory.</summary>
internal sealed class TestRelay : IAsyncDisposable
{
    private readonly bool _ownsDirectory;

    private TestRelay(RelayHost host, string directory, bool ownsDirectory)
    {
        Host = host;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
    }

    public RelayHost Host { get; }

    public Uri Url => Host.Address;

    public string Directory { get; }

    /// <summary>Options with test-friendly defaults: generous rate limits (tests that need them set their own).</summary>
    public static RelayOptions Options(string? directory = null) => new()
    {
        Listen = "127.0.0.1:0",
        Data = directory ?? NewDirectory(),
        RateLimits = new RateLimitOptions { EventBurst = 10_000, EventsPerSecond = 10_000, IpEventBurst = 100_000, IpEventsPerSecond = 100_000 },
    };

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "relay-e2e-" + Guid.NewGuid().ToString("N"));

    public static async Task<TestRelay> StartAsync(Action<RelayOptions>? configure = null, string? directory = null)
    {
        var options = Options(directory);
        configure?.Invoke(options);
        var host = await RelayHost.StartAsync(options, CancellationToken.None, logging: static _ => { });
        return new TestRelay(host, options.Data, ownsDirectory: directory is null);
    }

    public Task<NostrClient> ConnectAsync() => NostrClient.ConnectAsync(Url);

    /// <summary>Waits (bounded) until the relay has no open connection left.</summary>
    public async Task WaitForNoConnectionsAsync()
    {
        for (var i = 0; i < 400 && Host.Runtime.Connections.Count > 0; i++)
            await Task.Delay(25);
        Assert.Equal(0, Host.Runtime.Connections.Count);
    }

    /// <summary>The relay's /metrics exposition (Prometheus text), from its own port.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        return await http.GetStringAsync(new UriBuilder(Url) { Scheme = "http", Path = "/metrics" }.Uri);
    }

    /// <summary>The value of one series line of <see cref="ScrapeAsync"/>, e.g. <c>relay_ping_timeouts_total</c>.</summary>
    public async Task<double> MetricAsync(string series)
    {
        var text = await ScrapeAsync();
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} is not exported");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsDirectory)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory is harmless.
            }
        }
    }
}
