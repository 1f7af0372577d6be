namespace Relay.Server.Configuration;

/// <summary>Per-connection transport settings.</summary>
public sealed class ConnectionOptions
{
    /// <summary>
    /// Most bytes queued for one client and not yet written to its socket. A client that lets more pile up is a
    /// slow consumer: closed with 1008 and counted (<c>relay_slow_consumer_closes_total</c>). Default 4 MiB: 32 full
    /// 128 KiB messages, or ~7,000 typical 600-byte events, i.e. several REQ answers at max_limit 500 in flight.
    /// </summary>
    public long MaxPendingOutboundBytes { get; set; } = 4L << 20;

    /// <summary>
    /// How often the relay pings each client (RFC 6455 §5.5.2). Default 55 s, strfry's interval: under the 60 s idle
    /// timeout of common proxies (nginx <c>proxy_read_timeout</c>, AWS ALB), so a healthy idle connection survives them.
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(55);

    /// <summary>
    /// How long a pong may take before the connection is considered dead and closed with 1001. Default 30 s:
    /// generous for a mobile client on a poor link, yet a dead peer is dropped within ~1.5 minutes.
    /// </summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the relay waits for the client's Close frame after sending its own (RFC 6455 §7.1.1) before dropping
    /// TCP. Default 5 s, the codec's default: a live client answers within a round trip.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        RelayOptions.RequirePositive(MaxPendingOutboundBytes, nameof(MaxPendingOutboundBytes));
        RelayOptions.RequirePositive(PingInterval, nameof(PingInterval));
        RelayOptions.RequirePositive(PongTimeout, nameof(PongTimeout));
        RelayOptions.RequirePositive(CloseTimeout, nameof(CloseTimeout));
    }
}
