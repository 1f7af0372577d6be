using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Relay.Actors;
using Relay.Actors.Hosting;
using Relay.Server.Configuration;
using Relay.Server.Connections;
using Relay.Server.Diagnostics;
using Relay.Server.Hosting.Internal;
using Relay.Server.Http;
using Relay.Storage.Sqlite;
using Relay.WebSockets;
using Relay.WebSockets.Hosting;

namespace Relay.Server.Hosting;

/// <summary>
/// <c>relay serve</c> as an object: Kestrel (HTTP only) + our WebSocket codec + the actor system + the SQLite store,
/// with the graceful shutdown wired into <see cref="CoordinatedShutdown"/>. Tests start it in-process on port 0.
/// </summary>
internal sealed class RelayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EventStore _store;

    private RelayHost(WebApplication app, EventStore store, RelayRuntime runtime, Uri address)
    {
        _app = app;
        _store = store;
        Runtime = runtime;
        Address = address;
    }

    /// <summary>The WebSocket URL the relay listens on (ws:// or wss://, with the bound port).</summary>
    public Uri Address { get; }

    public RelayRuntime Runtime { get; }

    public static async Task<RelayHost> StartAsync(RelayOptions options, CancellationToken cancellationToken, Action<ILoggingBuilder>? logging = null)
    {
        options.Validate();

        var time = TimeProvider.System;
        var store = EventStore.Open(new EventStoreOptions
        {
            DataDirectory = options.Data,
            Limits = options.Limits,
            Synchronous = options.Ingest.Synchronous,
            MaxRowsScanned = options.Queries.MaxRowsScanned,
            TimeProvider = time,
        });
        try
        {
            var app = Build(options, store, time, logging);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var address = new UriBuilder(bound) { Scheme = options.Tls.Enabled ? "wss" : "ws" }.Uri;
            // The store is open and the actor system started with the host: ready for /readyz.
            app.Services.GetRequiredService<RelayReadiness>().MarkReady();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RelayHost>();
            var dataDirectory = Path.GetFullPath(options.Data);
            RelayLog.Listening(logger, address, dataDirectory);
            return new RelayHost(app, store, app.Services.GetRequiredService<RelayRuntime>(), address);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private static WebApplication Build(RelayOptions options, EventStore store, TimeProvider time, Action<ILoggingBuilder>? logging)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is null)
        {
            // Hosting's request diagnostics are off: while that logger is enabled ASP.NET Core starts an Activity and a
            // log scope for every request and keeps them for the request's life, which for a WebSocket is the
            // connection's (~0.5 KB each, idle or not). Its only messages are per-request start/finish lines; Kestrel's
            // own warnings and errors stay on.
            builder.Logging.AddScopelessSimpleConsole()
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        }
        else
            logging(builder.Logging);

        // CoordinatedShutdown's phases are bounded one by one; the host must wait for all of them, plus margin, or it
        // would abandon the commit of accepted events halfway.
        var phaseTimeout = Max(options.Shutdown.ClientCloseTimeout, options.Shutdown.DrainTimeout) + TimeSpan.FromSeconds(2);
        var terminateTimeout = TimeSpan.FromSeconds(10);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = phaseTimeout * 5 + terminateTimeout + TimeSpan.FromSeconds(5));

        builder.Services.AddSingleton(time);
        builder.Services.AddRelayMetrics();
        if (options.MetricsEndPoint() is { } metricsEndPoint)
            builder.Services.AddRelayMetricsListener(metricsEndPoint);
        builder.Services.AddRelayHttp(options.Info, options.ConnectionLimits, options.TrustedProxies,
            RelayLimitation.FromNostrLimits(options.Limits), RelayCapabilities.SupportedNips);
        builder.Services.AddSingleton(sp =>
        {
            var metrics = sp.GetRequiredService<RelayMetrics>();
            metrics.SetDataDirectory(options.Data);
            metrics.SetDatabaseSizeSource(() => DatabaseSize(store.DatabasePath));
            return new RelayRuntime(options, store, metrics, time);
        });
        builder.Services.AddActorSystem("relay", (actors, sp) => actors
            .WithSettings(s => s with { DefaultPhaseTimeout = phaseTimeout, TerminatePhaseTimeout = terminateTimeout })
            .WithActors((system, _) => sp.GetRequiredService<RelayRuntime>().Start(system))
            .WithCoordinatedShutdown((shutdown, _) => AddShutdownTasks(shutdown, sp.GetRequiredService<RelayRuntime>(), sp.GetRequiredService<RelayReadiness>())));

        var wsOptions = new WebSocketServerOptions
        {
            Connection = new WebSocketConnectionOptions
            {
                // NIP-11 max_message_length is the WebSocket message limit: one number, enforced by the codec.
                MaxMessageSize = options.Limits.MaxMessageLength,
                MaxFrameSize = options.Limits.MaxMessageLength,
                MaxPendingOutboundBytes = options.Connection.MaxPendingOutboundBytes,
                CloseTimeout = options.Connection.CloseTimeout,
            },
            TimeProvider = time,
        };
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenRelay(options.Listen, options.Tls, listen => listen.UseWebSocketHandshakeTimeout(wsOptions));
        });

        var app = builder.Build();
        var runtime = app.Services.GetRequiredService<RelayRuntime>();
        var endpoint = new RelayEndpoint(runtime, new WebSocketAcceptor(new WebSocketServerOptions
        {
            Connection = wsOptions.Connection,
            TimeProvider = time,
            Observer = new RelayWebSocketObserver(runtime.Metrics),
        }), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<RelayEndpoint>());
        // The perimeter answers NIP-11, the HTML page and the probes; upgrades at "/" are admitted (per-IP and global
        // caps, 429/503 before the upgrade) and handed to the endpoint with their lease; any other path is 404.
        app.UseRelayFrontDoor();
        var admission = app.Services.GetRequiredService<ConnectionAdmission>();
        endpoint.ClientAddress = app.Services.GetRequiredService<ClientAddressResolver>().Resolve;
        app.Use((context, next) =>
        {
            if (context.Request.Path != "/" || !WebSocketAcceptor.IsWebSocketUpgradeRequest(context))
                return next(context);
            return admission.TryAdmit(context, out var lease) ? endpoint.HandleAsync(context, lease) : Task.CompletedTask;
        });
        if (options.MetricsListen is null)
            app.MapRelayMetrics();
        return app;
    }

    /// <summary>Graceful shutdown: stop accepting → close every client with 1001 → commit every accepted event.</summary>
    private static void AddShutdownTasks(CoordinatedShutdown shutdown, RelayRuntime runtime, RelayReadiness readiness)
    {
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-accepting", () =>
        {
            readiness.BeginShutdown();
            runtime.Connections.StartDraining();
            return Task.FromResult(Done.Instance);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "close-clients", async () =>
        {
            // RFC 6455 §7.4.1: 1001 "going away", a server going down.
            await runtime.Connections.CloseAllAsync(WebSocketCloseCode.GoingAway, ConnectionRegistry.ShutdownReason,
                runtime.Options.Shutdown.ClientCloseTimeout).ConfigureAwait(false);
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "commit-accepted", async () =>
        {
            // Events already past the reader are still verified and committed, even though their OK cannot be delivered.
            var deadline = runtime.Time.GetTimestamp();
            while (runtime.Ingest.InFlight > 0 && runtime.Time.GetElapsedTime(deadline) < runtime.Options.Shutdown.DrainTimeout)
                await Task.Delay(TimeSpan.FromMilliseconds(10), runtime.Time).ConfigureAwait(false);
            await runtime.StoreWriter.Ask<Done>(Ingest.StoreWriter.Drain.Instance, runtime.Options.Shutdown.DrainTimeout).ConfigureAwait(false);
            return Done.Instance;
        });
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static long? DatabaseSize(string path)
    {
        long size = 0;
        foreach (var file in new[] { path, path + "-wal" })
        {
            var info = new FileInfo(file);
            if (info.Exists)
                size += info.Length;
        }

        return size;
    }

    /// <summary>Runs until the host stops (SIGTERM, Ctrl-C, or <paramref name="cancellationToken"/>).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops like SIGTERM would (graceful shutdown), then releases the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
    }
}
