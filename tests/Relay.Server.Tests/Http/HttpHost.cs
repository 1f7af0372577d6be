using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relay.Nostr;
using Relay.Server.Diagnostics;
using Relay.Server.Http;
using Relay.WebSockets.Hosting;

namespace Relay.Server.Tests.Http;

/// <summary>
/// A real Kestrel on 127.0.0.1, port 0, with the HTTP perimeter wired as the relay wires it: the front door, then
/// a stand-in for the relay's WebSocket endpoint at <c>/</c> (admission, upgrade on our codec, wait for the close,
/// release the lease) and <c>/whoami</c> answering the resolved client address.
/// </summary>
internal sealed class HttpHost : IAsyncDisposable
{
    public static readonly int[] Nips = [11, 1, 9, 40, 1];

    private readonly WebApplication _app;

    private HttpHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http(s)://127.0.0.1:port/</summary>
    public Uri Address { get; }

    /// <summary>ws(s)://127.0.0.1:port/</summary>
    public Uri WebSocketAddress => new UriBuilder(Address) { Scheme = Address.Scheme == "https" ? "wss" : "ws" }.Uri;

    /// <summary>One entry per lease the stand-in endpoint released, after it released it.</summary>
    public Channel<IPAddress> Released { get; } = Channel.CreateUnbounded<IPAddress>();

    public RelayReadiness Readiness => _app.Services.GetRequiredService<RelayReadiness>();

    public ConnectionAdmission Admission => _app.Services.GetRequiredService<ConnectionAdmission>();

    public MetricsCollector Metrics => _app.Services.GetRequiredService<MetricsCollector>();

    public static async Task<HttpHost> StartAsync(IDictionary<string, string?>? settings = null, TlsOptions? tls = null, NostrLimits? limits = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenRelay("127.0.0.1:0", tls);
        });
        builder.Services.AddRelayMetrics();
        builder.Services.AddRelayHttp(builder.Configuration, RelayLimitation.FromNostrLimits(limits ?? NostrLimits.Default), Nips);
        var app = builder.Build();
        HttpHost? host = null;
        app.UseRelayFrontDoor();
        var acceptor = new WebSocketAcceptor(new WebSocketServerOptions());
        app.Map("/", async context =>
        {
            var admission = context.RequestServices.GetRequiredService<ConnectionAdmission>();
            if (!admission.TryAdmit(context, out var lease))
                return;
            using (lease)
            {
                await acceptor.HandleAsync(context, static async connection =>
                {
                    while (!(await connection.ReceiveAsync()).IsClose)
                    {
                    }
                });
            }

            host!.Released.Writer.TryWrite(lease.ClientAddress);
        });
        app.MapGet("/whoami", context =>
            context.Response.WriteAsync(context.RequestServices.GetRequiredService<ClientAddressResolver>().Resolve(context).ToString()));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new HttpHost(app, new Uri(bound + "/"));
        return host;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static HttpClient Client(SocketsHttpHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
}
