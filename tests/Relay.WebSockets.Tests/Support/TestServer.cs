using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Relay.WebSockets.Hosting;

namespace Relay.WebSockets.Tests.Support;

/// <summary>Kestrel on 127.0.0.1 with an ephemeral port, our acceptor and handshake timeout, and a session per connection.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
    }

    public Uri Uri { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Uri.Port);

    /// <summary>Echoes every message until the connection ends.</summary>
    public static async Task EchoAsync(WebSocketConnection connection)
    {
        while (true)
        {
            var message = await connection.ReceiveAsync();
            if (message.IsClose || !await connection.SendAsync(message.Payload, message.Type))
                return;
        }
    }

    /// <summary>Starts a server. <paramref name="plainHttp"/> answers requests that are not upgrades (like a NIP-11 page).</summary>
    public static async Task<TestServer> StartAsync(WebSocketServerOptions? options = null, Func<WebSocketConnection, Task>? session = null,
        RequestDelegate? plainHttp = null)
    {
        options ??= new WebSocketServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseWebSocketHandshakeTimeout(options));
        });
        var app = builder.Build();
        var acceptor = new WebSocketAcceptor(options);
        app.UseWebSocketHandshakeTimeout();
        app.Run(context => plainHttp is not null && !WebSocketAcceptor.IsWebSocketUpgradeRequest(context)
            ? plainHttp(context)
            : acceptor.HandleAsync(context, session ?? EchoAsync));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new UriBuilder(address) { Scheme = "ws" }.Uri);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
