using System.Net;
using Relay.Nostr.Events;
using Relay.Server.Hosting;
using Relay.Server.Policies;
using Relay.WebSockets;

namespace Relay.Server.Connections;

/// <summary>What the relay knows about one client connection.</summary>
/// <remarks>Owned by the connection's reader actor; only it reads or writes the mutable slots, except the liveness
/// slots, which only <see cref="ConnectionsSupervisor"/>'s sweep touches.</remarks>
internal sealed class ConnectionContext(RelayRuntime runtime, long id, IPAddress remoteAddress, WebSocketConnection connection,
    ConnectionLimits limits, long openedAt)
{
    /// <summary>The relay this connection belongs to. Also what the connection's actors are created from: their Props
    /// carry this context as their only state.</summary>
    public RelayRuntime Runtime { get; } = runtime;

    /// <summary>Process-unique id (routing key: per-connection work always goes to the same worker, in order).</summary>
    public long Id { get; } = id;

    /// <summary>The client's address as resolved by the endpoint (X-Forwarded-For from trusted proxies, later).</summary>
    public IPAddress RemoteAddress { get; } = remoteAddress;

    public WebSocketConnection Connection { get; } = connection;

    public ConnectionLimits Limits { get; } = limits;

    /// <summary>Completes once the connection's reader actor has stopped (its writer stops before it).</summary>
    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>NIP-42: the challenge sent to this connection, once AUTH is implemented. Null today.</summary>
    public string? AuthChallenge { get; set; }

    /// <summary>NIP-42: the pubkey the connection authenticated as, or null. Gates NIP-70 protected events and, later,
    /// read access. Never set today: every protected event is refused with <c>auth-required:</c>.</summary>
    public PublicKey? Authenticated { get; set; }

    /// <summary>Liveness: <see cref="TimeProvider.GetTimestamp"/> of the last ping sent, or of the opening before the
    /// first ping.</summary>
    public long PingSentAt { get; set; } = openedAt;

    /// <summary>Liveness: where the connection stands between pings.</summary>
    public Liveness Liveness { get; set; }
}
