using Relay.Actors;
using Relay.Nostr.Messages;
using Relay.Server.Hosting;
using Relay.Server.Subscriptions;
using Relay.WebSockets;
using DiagnosticsVerb = Relay.Server.Diagnostics.ClientVerb;

namespace Relay.Server.Connections;

/// <summary>
/// One connection's reader: takes whole messages from the codec one at a time (the next receive starts only after
/// the previous message was handled, so its buffer is never reused early), parses them and routes them in arrival
/// order — events to a verifier, REQ/COUNT to a query worker chosen by connection id, replies to the writer. It is
/// the parent of the connection's writer and owns the connection's subscriptions (liveness, pings, is
/// <see cref="ConnectionsSupervisor"/>'s).
/// </summary>
/// <remarks>Connection actors are stopped on failure, never restarted: a broken connection is closed (1011) and the
/// client reconnects; no other connection is affected.</remarks>
internal sealed partial class ConnectionReader : UntypedActor
{
    private sealed record Received(WebSocketMessage Message);

    private sealed record ReceiveFailed(Exception Cause);

    /// <summary>From the writer: it ended <paramref name="Subscription"/> with CLOSED (its live buffer overflowed before
    /// EOSE), so it no longer counts toward the connection's subscriptions.</summary>
    public sealed record SubscriptionDropped(ClientSubscription Subscription);

    private readonly ConnectionContext _context;
    private readonly RelayRuntime _runtime;
    private readonly Action _onReceiveCompleted;   // the receive continuation, one per connection
    private Dictionary<SubscriptionId, ClientSubscription>? _subscriptions;   // created by the first REQ: most idle connections never send one
    private IActorRef _writer = null!;
    private ValueTask<WebSocketMessage> _pendingReceive;
    private IActorRef _self = null!;   // Self for the receive continuation, which runs outside the actor

    public ConnectionReader(ConnectionContext context)
    {
        _context = context;
        _runtime = context.Runtime;
        _onReceiveCompleted = OnReceiveCompleted;
    }

    public static Props Props(ConnectionContext context) =>
        Actors.Props.Create(static (ConnectionContext c) => new ConnectionReader(c), context);

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        _writer = Context.ActorOf(ConnectionWriter.Props(_context), "writer");
        Context.Watch(_writer);
        _self = Self;
        ReceiveNext();
    }

    protected override void PostStop()
    {
        if (_subscriptions is not null)
        {
            foreach (var subscription in _subscriptions.Values)
            {
                subscription.Cancel();
                _runtime.Shard.Tell(new SubscriptionShard.Remove(subscription));
            }

            _runtime.Metrics.SubscriptionsClosed(_subscriptions.Count);
            _subscriptions = null;
        }

        if (!_context.Connection.IsClosed)
            _ = _context.Connection.CloseAsync(WebSocketCloseCode.InternalServerError, "internal error");
        _context.Stopped.TrySetResult();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Received received:
                if (received.Message.IsClose)
                {
                    Context.Stop(Self);
                    return;
                }

                Handle(received.Message);
                ReceiveNext();
                break;
            case SubscriptionDropped dropped:
                ForgetDropped(dropped.Subscription);
                break;
            case ReceiveFailed:
            case Terminated:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>
    /// Starts the next receive; its outcome comes back to this actor as <see cref="Received"/> or
    /// <see cref="ReceiveFailed"/>. An idle connection spends its life waiting here, so the wait holds as little as
    /// possible: the pending <see cref="ValueTask{TResult}"/> and one continuation delegate created once per
    /// connection, instead of a task and a PipeTo state machine per receive.
    /// </summary>
    private void ReceiveNext()
    {
        var receive = _context.Connection.ReceiveAsync();
        if (receive.IsCompleted)
        {
            Self.Tell(Outcome(receive));
            return;
        }

        _pendingReceive = receive;
        receive.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onReceiveCompleted);
    }

    /// <summary>Runs on the thread that completed the receive: reads the outcome and posts it to the actor. The
    /// actor starts no other receive until it has handled this one, so the fields are not shared.</summary>
    private void OnReceiveCompleted()
    {
        var receive = _pendingReceive;
        _pendingReceive = default;
        _self.Tell(Outcome(receive));
    }

    private static object Outcome(ValueTask<WebSocketMessage> receive)
    {
        try
        {
            return new Received(receive.GetAwaiter().GetResult());
        }
        catch (Exception e)
        {
            return new ReceiveFailed(e);
        }
    }

    private void Handle(WebSocketMessage message)
    {
        if (message.Type != WebSocketMessageType.Text)
        {
            // NIP-01 messages are JSON text; a binary frame cannot be tied to an event or a subscription.
            _runtime.Metrics.ClientMessage(DiagnosticsVerb.Invalid);
            Reply(RelayReplies.Notice("invalid: binary messages are not supported; send JSON text"));
            return;
        }

        if (!ClientMessageParser.TryParse(message.Payload.Span, _runtime.Options.Limits, out var parsed, out var error))
        {
            _runtime.Metrics.ClientMessage(VerbLabel(error));
            if (error.Verb == ClientVerb.Event)
            {
                // Refused before its kind could be trusted (bad id, signature or structure): counted under kind class
                // "unknown", with the prefix of its OK false, like every other refused event.
                _runtime.Metrics.EventRejected(Diagnostics.KindClass.Unknown,
                    Diagnostics.RelayMetrics.TryParseRejectReason(error.Message, out var reason) ? reason : Diagnostics.EventRejectReason.Invalid);
            }

            if (RelayReplies.ForError(error) is { } reply)
                Reply(reply);
            return;
        }

        switch (parsed)
        {
            case EventMessage e:
                _runtime.Metrics.ClientMessage(DiagnosticsVerb.Event);
                OnEvent(e.Event);
                break;
            case ReqMessage req:
                _runtime.Metrics.ClientMessage(DiagnosticsVerb.Req);
                OnReq(req);
                break;
            case CloseMessage close:
                _runtime.Metrics.ClientMessage(DiagnosticsVerb.Close);
                OnClose(close.SubscriptionId);
                break;
            case CountMessage count:
                _runtime.Metrics.ClientMessage(DiagnosticsVerb.Count);
                OnCount(count);
                break;
            case AuthMessage auth:
                // NIP-42 comes next (ConnectionContext has its slots); until then the answer is a refusal tied to the event.
                _runtime.Metrics.ClientMessage(DiagnosticsVerb.Auth);
                Reply(RelayReplies.Ok(auth.Event.Id, false, "restricted: this relay does not support NIP-42 authentication yet"));
                break;
        }
    }

    private static DiagnosticsVerb VerbLabel(in ClientMessageError error) => error.Verb switch
    {
        ClientVerb.Event => DiagnosticsVerb.Event,
        ClientVerb.Req => DiagnosticsVerb.Req,
        ClientVerb.Close => DiagnosticsVerb.Close,
        ClientVerb.Count => DiagnosticsVerb.Count,
        ClientVerb.Auth => DiagnosticsVerb.Auth,
        _ when error.Reason == ClientErrorReason.UnknownVerb || error.Reason == ClientErrorReason.UnsupportedVerb => DiagnosticsVerb.Unknown,
        _ => DiagnosticsVerb.Invalid,
    };

    private void Reply(ConnectionWriter.Send reply) => _writer.Tell(reply);

    /// <summary>Closes the connection with <paramref name="code"/>; the receive loop then sees the end and stops this actor.</summary>
    private void CloseConnection(ushort code, string reason) => _ = _context.Connection.CloseAsync(code, reason);
}
