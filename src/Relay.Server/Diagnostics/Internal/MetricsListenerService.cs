using System.Net;

namespace Relay.Server.Diagnostics.Internal;

/// <summary>Runs a <see cref="MetricsServer"/> for the lifetime of the host (<c>--metrics-listen</c>).</summary>
internal sealed class MetricsListenerService(MetricsCollector collector, IPEndPoint endPoint, string path) : IHostedService, IAsyncDisposable
{
    private MetricsServer? _server;

    /// <summary>Where the server listens once started (the actual port when 0 was configured).</summary>
    public IPEndPoint? EndPoint => _server?.EndPoint;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _server = await MetricsServer.StartAsync(collector, endPoint, path, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server) await server.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server) await server.DisposeAsync();
    }
}
