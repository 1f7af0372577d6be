using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Relay.Nostr;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Filters;
using Relay.Nostr.Messages;
using Relay.WebSockets;
using Relay.WebSockets.Hosting;
using EventId = Relay.Nostr.Events.EventId;

namespace Relay.Server.Tests.LoadGenerator;

/// <summary>
/// A loopback relay that speaks just enough NIP-01 for relay-load's tests while `relay serve` is built elsewhere:
/// EVENT (id and signature checked, duplicates answered <c>duplicate:</c>, kind <see cref="BlockedKind"/> refused
/// with <c>blocked:</c>), REQ (stored matches newest first up to limit, EOSE, then live events), CLOSE. Everything runs
/// under one lock: correct and slow, which is all a count-asserting test needs.
/// </summary>
internal sealed class LoopbackNostrRelay : IAsyncDisposable
{
    /// <summary>Events of this kind are refused, so tests can see rejections counted by prefix.</summary>
    public const int BlockedKind = 4444;

    /// <summary>A REQ for this <c>#t</c> value is answered CLOSED with <c>restricted:</c>.</summary>
    public const string RefusedTag = "refused";

    /// <summary>An event of this kind makes the relay close the connection (1008) without answering, as a relay shedding load would.</summary>
    public const int DisconnectKind = 6666;

    private readonly WebApplication _app;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<NostrEvent> _stored = [];
    private readonly HashSet<EventId> _ids = [];
    private readonly Dictionary<(WebSocketConnection, SubscriptionId), NostrFilter[]> _subscriptions = [];
    private int _connections;

    private LoopbackNostrRelay(WebApplication app) => _app = app;

    /// <summary>ws://127.0.0.1:port/.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Events stored so far.</summary>
    public int StoredCount
    {
        get
        {
            lock (_stored)
                return _stored.Count;
        }
    }

    /// <summary>Connections currently open.</summary>
    public int OpenConnections => Volatile.Read(ref _connections);

    public static async Task<LoopbackNostrRelay> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var options = new WebSocketServerOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var relay = new LoopbackNostrRelay(app);
        var acceptor = new WebSocketAcceptor(options);
        app.Run(context => acceptor.HandleAsync(context, relay.ServeAsync));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        relay.Url = new UriBuilder(bound) { Scheme = "ws" }.Uri;
        return relay;
    }

    private async Task ServeAsync(WebSocketConnection connection)
    {
        Interlocked.Increment(ref _connections);
        try
        {
            while (true)
            {
                var message = await connection.ReceiveAsync();
                if (message.IsClose)
                    return;
                var outbox = new ArrayBufferWriter<byte>();
                if (!ClientMessageParser.TryParse(message.Payload.Span, NostrLimits.Default, out var parsed, out var error))
                {
                    RelayMessageWriter.WriteReply(outbox, error);
                    await connection.SendAsync(outbox.WrittenMemory, WebSocketMessageType.Text);
                    continue;
                }

                await _gate.WaitAsync();
                try
                {
                    await HandleAsync(connection, parsed);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        finally
        {
            await _gate.WaitAsync();
            foreach (var key in _subscriptions.Keys.Where(key => key.Item1 == connection).ToList())
                _subscriptions.Remove(key);
            _gate.Release();
            Interlocked.Decrement(ref _connections);
        }
    }

    private async Task HandleAsync(WebSocketConnection connection, ClientMessage message)
    {
        switch (message)
        {
            case EventMessage { Event: var nostrEvent }:
                if (nostrEvent.Kind == DisconnectKind)
                    await connection.CloseAsync(WebSocketCloseCode.PolicyViolation, "going away");
                else if (!nostrEvent.VerifySignature(SchnorrBackends.Default))
                    await SendAsync(connection, output => RelayMessageWriter.WriteOk(output, nostrEvent.Id, false, "invalid: bad signature"));
                else if (nostrEvent.Kind == BlockedKind)
                    await SendAsync(connection, output => RelayMessageWriter.WriteOk(output, nostrEvent.Id, false, "blocked: kind 4444 is not accepted here"));
                else if (!_ids.Add(nostrEvent.Id))
                    await SendAsync(connection, output => RelayMessageWriter.WriteOk(output, nostrEvent.Id, true, "duplicate: already have this event"));
                else
                {
                    lock (_stored)
                        _stored.Add(nostrEvent);
                    await SendAsync(connection, output => RelayMessageWriter.WriteOk(output, nostrEvent.Id, true, ""));
                    foreach (var ((subscriber, subscriptionId), subscribed) in _subscriptions)
                    {
                        if (NostrFilter.MatchesAny(subscribed, nostrEvent))
                            await SendAsync(subscriber, output => RelayMessageWriter.WriteEvent(output, subscriptionId, nostrEvent));
                    }
                }

                break;

            case ReqMessage req when req.Filters.Any(filter => filter.Tags.Any(tag => tag.Letter == 't' && tag.Values.Contains(RefusedTag))):
                await SendAsync(connection, output => RelayMessageWriter.WriteClosed(output, req.SubscriptionId, "restricted: this tag is not served"));
                break;

            case ReqMessage req:
                var filters = req.Filters.ToArray();
                _subscriptions[(connection, req.SubscriptionId)] = filters;
                foreach (var filter in filters)
                {
                    var limit = filter.GetEffectiveLimit(NostrLimits.Default);
                    foreach (var stored in _stored.Where(filter.Matches).OrderByDescending(stored => stored.CreatedAt).ThenBy(stored => stored.Id).Take(limit))
                        await SendAsync(connection, output => RelayMessageWriter.WriteEvent(output, req.SubscriptionId, stored));
                }

                await SendAsync(connection, output => RelayMessageWriter.WriteEose(output, req.SubscriptionId));
                break;

            case CloseMessage close:
                _subscriptions.Remove((connection, close.SubscriptionId));
                break;
        }
    }

    private static async Task SendAsync(WebSocketConnection connection, Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        await connection.SendAsync(output.WrittenMemory, WebSocketMessageType.Text);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _gate.Dispose();
    }
}
