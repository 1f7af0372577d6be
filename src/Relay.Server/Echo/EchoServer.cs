using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Relay.WebSockets;
using Relay.WebSockets.Hosting;

namespace Relay.Server.Echo;

/// <summary>
/// <c>relay echo</c>: a WebSocket echo server on every path, on our codec, with limits large enough for
/// conformance suites (Autobahn|Testsuite's cases 9.x send 16 MiB messages).
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    /// <summary>Autobahn 9.1.6/9.2.6 echo 16 MiB messages; the frame limit matches since they come in one frame.</summary>
    public const int MaxMessageSize = 16 << 20;

    private readonly WebApplication _app;

    private EchoServer(WebApplication app) => _app = app;

    /// <summary>The options every echo connection gets.</summary>
    public static WebSocketServerOptions CreateOptions(IWebSocketObserver? observer = null) => new()
    {
        Connection = new WebSocketConnectionOptions
        {
            MaxMessageSize = MaxMessageSize,
            MaxFrameSize = MaxMessageSize,
            // An echo of a 16 MiB message must fit, plus what a pipelining client queues behind it.
            MaxPendingOutboundBytes = 4L * MaxMessageSize,
        },
        Observer = observer ?? WebSocketObserver.None,
    };

    /// <summary>The address Kestrel bound (useful with port 0).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts listening on <paramref name="endPoint"/>.</summary>
    public static async Task<EchoServer> StartAsync(IPEndPoint endPoint, WebSocketServerOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(endPoint, listen => listen.UseWebSocketHandshakeTimeout(options));
        });
        var app = builder.Build();
        var acceptor = new WebSocketAcceptor(options);
        app.Run(context => acceptor.HandleAsync(context, EchoAsync));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoServer(app) { Address = new UriBuilder(bound) { Scheme = "ws" }.Uri };
    }

    /// <summary>Echoes every message with its type until the connection ends.</summary>
    public static async Task EchoAsync(WebSocketConnection connection)
    {
        while (true)
        {
            var message = await connection.ReceiveAsync().ConfigureAwait(false);
            // SendAsync copies the payload before it returns, so the receive buffer may be reused afterwards.
            if (message.IsClose || !await connection.SendAsync(message.Payload, message.Type).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (Ctrl+C).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
