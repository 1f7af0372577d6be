using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>
/// A minimal ASP.NET Core application on 127.0.0.1:0 exposing <c>/metrics</c> with the full catalogue: the
/// relay's meter, the actor kernel's, the runtime's and Kestrel's. <see cref="RecordEverything"/> gives every
/// relay instrument a known value so each family appears with a series. It stands in for <c>relay serve</c>
/// until that exists; the Prometheus tests only need a URL to scrape.
/// </summary>
internal sealed class CatalogueApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CatalogueApp(WebApplication app, Uri baseAddress, string dataDirectory)
    {
        _app = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Metrics = app.Services.GetRequiredService<RelayMetrics>();
        Actors = app.Services.GetRequiredService<ActorKernelMeter>();
        Collector = app.Services.GetRequiredService<MetricsCollector>();
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public Uri MetricsUri => new(BaseAddress, "/metrics");

    public string DataDirectory { get; }

    public RelayMetrics Metrics { get; }

    public ActorKernelMeter Actors { get; }

    public MetricsCollector Collector { get; }

    public static async Task<CatalogueApp> StartAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRelayMetrics();
        builder.Services.AddSingleton<ActorKernelMeter>();
        builder.Services.AddSingleton(TimeProvider.System);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapRelayMetrics();
        app.MapGet("/healthz", () => "ok");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var dataDirectory = Directory.CreateTempSubdirectory("relay-metrics-").FullName;
        return new CatalogueApp(app, new Uri(address), dataDirectory);
    }

    /// <summary>Records known values in every instrument of the catalogue (see the assertions that rely on them).</summary>
    public void RecordEverything()
    {
        var m = Metrics;
        for (var i = 0; i < 3; i++) m.ConnectionAccepted(permessageDeflate: i == 0);
        m.ConnectionClosed(1000, CloseInitiator.Client);
        m.ConnectionClosed(1008, CloseInitiator.Relay);
        m.ConnectionClosed(1006, CloseInitiator.None);
        m.ConnectionAccepted(permessageDeflate: false);
        m.ConnectionRefused(ConnectionRefusal.PerIpLimit);
        m.ConnectionRefused(ConnectionRefusal.MaxConnections);
        m.HandshakeFailed(400);
        m.HandshakeFailed(426);
        m.PingTimedOut();
        m.SlowConsumerClosed();
        m.BytesReceived(1500);
        m.BytesSent(4200);
        m.RecordDeflate(TrafficDirection.Out, 1000, 250);
        m.RecordDeflate(TrafficDirection.In, 400, 100);

        foreach (var verb in Enum.GetValues<ClientVerb>()) m.ClientMessage(verb);
        m.ClientMessage(ClientVerb.Event);
        foreach (var verb in Enum.GetValues<RelayVerb>()) m.RelayMessages(verb, 2);
        for (var i = 0; i < 3; i++) m.EventAccepted(KindClass.Regular);
        m.EventAccepted(KindClass.Replaceable);
        m.EventAccepted(KindClass.Ephemeral);
        m.EventAccepted(KindClass.Addressable);
        m.EventDuplicate(KindClass.Regular);
        m.EventRejected(KindClass.Regular, EventRejectReason.Invalid);
        m.EventRejected(KindClass.Regular, EventRejectReason.RateLimited);
        m.EventRejected(KindClass.Unknown, EventRejectReason.Invalid);
        m.EventRejected(KindClass.Regular, EventRejectReason.Error);
        m.EventsDelivered(DeliverySource.Stored, 20);
        m.EventsDelivered(DeliverySource.Live, 7);
        m.SubscriptionOpened();
        m.SubscriptionOpened();
        m.SubscriptionClosed();
        m.RecordReqTimeToEose(TimeSpan.FromMilliseconds(3));
        m.RecordReqTimeToEose(TimeSpan.FromMilliseconds(40));
        m.RecordEventTimeToOk(KindClass.Regular, TimeSpan.FromMilliseconds(4));
        m.RecordEventTimeToOk(KindClass.Ephemeral, TimeSpan.FromMilliseconds(1));

        m.RecordWriterBatch(12, TimeSpan.FromMilliseconds(2));
        m.RecordQuery(150, TimeSpan.FromMilliseconds(1));
        m.SetDatabaseSizeSource(() => 1_048_576);
        m.SetDataDirectory(DataDirectory);
        m.RateLimited(RateLimit.Events);
        m.RateLimited(RateLimit.Messages);

        Actors.Dropped.Add(2, new KeyValuePair<string, object?>("actor", "ConnectionActor"));
        Actors.DeadLetters.Add(5);
        Actors.SetDepth("ConnectionActor", 4);
        Actors.SetDepth("EventWriterActor", 9);

        // The runtime's exception counter is synchronous: give it one so its family appears.
        try
        {
            throw new InvalidOperationException("recorded on purpose for dotnet.exceptions");
        }
        catch (InvalidOperationException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
