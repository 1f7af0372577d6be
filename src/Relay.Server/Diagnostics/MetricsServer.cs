using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Relay.Server.Diagnostics;

/// <summary>
/// A second, minimal Kestrel server that answers only <c>GET/HEAD /metrics</c> from an existing
/// <see cref="MetricsCollector"/>: the building block of <c>relay serve --metrics-listen</c>, which keeps the
/// metrics off the public port (firewall it, bind it to a private address). It has its own container, so
/// its Kestrel meters are not exported and scrapes do not show up as relay connections.
/// </summary>
/// <remarks>Start, stop and dispose from one owner; scrapes are served concurrently.</remarks>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsServer(WebApplication app, IPEndPoint endPoint)
    {
        _app = app;
        EndPoint = endPoint;
    }

    /// <summary>The address the server listens on, with the actual port when port 0 was asked for.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Starts listening on <paramref name="endPoint"/> and serving <paramref name="path"/>.</summary>
    /// <param name="collector">The relay's collector (the main application's singleton).</param>
    /// <param name="endPoint">Where to listen, e.g. 127.0.0.1:9464; port 0 picks a free port.</param>
    /// <param name="path">The scrape path.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MetricsServer> StartAsync(MetricsCollector collector, IPEndPoint endPoint,
        string path = "/metrics", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(endPoint);
        // The empty builder reads no configuration or environment (ASPNETCORE_URLS would fight the endpoint)
        // and installs no logging: this server has one route and nothing to say.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(endPoint));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(collector);
        var app = builder.Build();
        app.MapRelayMetrics(path);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        var bound = new IPEndPoint(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
        return new MetricsServer(app, bound);
    }

    /// <summary>Stops accepting scrapes, letting those in flight finish within the token's time.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Stops the server if running and releases it.</summary>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
