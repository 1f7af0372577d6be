
namespace Relay.Server.Diagnostics.Internal;

/// <summary>
/// Resolves the collector and the catalogue when the host starts, so the listener is attached before the
/// first connection and the catalogue's zero series are recorded (services are otherwise created lazily,
/// on the first scrape, and everything before it would be lost).
/// </summary>
internal sealed class MetricsStartup(MetricsCollector collector, RelayMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        GC.KeepAlive(metrics);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
