using System.Net;
using Relay.Nostr;
using Relay.Server.Http;

namespace Relay.Server.Configuration;

/// <summary>
/// Every setting of <c>relay serve</c>, in one tree bound from (highest precedence first) command-line flags,
/// environment variables prefixed <c>RELAY_</c> (sections nested with <c>__</c>, e.g.
/// <c>RELAY_CONNECTION__PINGINTERVAL=00:00:30</c>), the JSON file given by <c>--config</c>, and the defaults here.
/// docs/configuration.md lists every key.
/// </summary>
/// <remarks>Mutable only while it is being bound; the relay reads it after <see cref="Validate"/> and never writes it.</remarks>
public sealed class RelayOptions
{
    /// <summary>The configuration key prefix of environment variables.</summary>
    public const string EnvironmentPrefix = "RELAY_";

    /// <summary>
    /// Address and port to listen on (<c>--listen</c>). Default <c>0.0.0.0:7777</c>: every IPv4 interface,
    /// on the port many relays and clients use in examples (strfry's default is 7777). Port 0 picks a free port.
    /// </summary>
    public string Listen { get; set; } = "0.0.0.0:7777";

    /// <summary>Directory of the SQLite database (<c>--data</c>), created when missing. Default <c>./data</c>.</summary>
    public string Data { get; set; } = "./data";

    /// <summary>
    /// Address and port of a separate listener for <c>/metrics</c> (<c>--metrics-listen</c>), so the metrics can stay
    /// on a private interface. Default null: <c>/metrics</c> is served on the relay's own port, the simplest set-up
    /// for a Prometheus on the same network.
    /// </summary>
    public string? MetricsListen { get; set; }

    /// <summary>Optional TLS (<c>wss://</c>) terminated by Kestrel (section <c>Tls</c>).</summary>
    /// <remarks>
    /// This and the other perimeter sections (<see cref="Info"/>, <see cref="ConnectionLimits"/>,
    /// <see cref="TrustedProxies"/>) are read by <see cref="RelayHttpConfiguration"/>, which refuses unknown keys
    /// and accepts a comma-separated proxy list; the setters are internal so the general binder leaves them alone.
    /// </remarks>
    public TlsOptions Tls { get; internal set; } = new();

    /// <summary>What the NIP-11 document and the HTML page say (section <c>Info</c>).</summary>
    public RelayInfoOptions Info { get; internal set; } = new();

    /// <summary>Open-connection caps, per IP address and in total, enforced before the upgrade (section <c>Limits:Connections</c>).</summary>
    public ConnectionLimitsOptions ConnectionLimits { get; internal set; } = new();

    /// <summary>Proxies whose <c>X-Forwarded-For</c> names the client (section <c>Network:TrustedProxies</c>); default none.</summary>
    public TrustedProxyOptions TrustedProxies { get; internal set; } = new();

    /// <summary>Protocol limits, each justified on <see cref="NostrLimits"/>; NIP-11 advertises exactly these.</summary>
    public NostrLimits Limits { get; set; } = new();

    /// <summary>Per-connection transport settings: outbound bound, ping supervision, close handshake.</summary>
    public ConnectionOptions Connection { get; set; } = new();

    /// <summary>Token buckets for <c>EVENT</c> and <c>REQ</c>, per connection and per IP address.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>The ingest pipeline: verifiers, batching writer, NIP-40 purge.</summary>
    public IngestOptions Ingest { get; set; } = new();

    /// <summary>The query workers answering the stored part of a <c>REQ</c>.</summary>
    public QueryOptions Queries { get; set; } = new();

    /// <summary>Graceful shutdown bounds.</summary>
    public ShutdownOptions Shutdown { get; set; } = new();

    /// <summary>Checks every setting; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Listen))
            throw new ArgumentException("Listen must be host:port.", nameof(Listen));
        if (string.IsNullOrWhiteSpace(Data))
            throw new ArgumentException("Data must name a directory.", nameof(Data));
        _ = MetricsEndPoint();
        Limits.Validate();
        RequireValid(Tls.Validate());
        RequireValid(Info.Validate());
        RequireValid(ConnectionLimits.Validate());
        RequireValid(TrustedProxies.TryParse(out _));
        Connection.Validate();
        RateLimits.Validate();
        Ingest.Validate();
        Queries.Validate();
        Shutdown.Validate();
    }

    /// <summary>Where <c>/metrics</c> gets its own listener, or null to serve it on the relay's port.</summary>
    /// <exception cref="ArgumentException"><see cref="MetricsListen"/> is not a listen address.</exception>
    internal IPEndPoint? MetricsEndPoint()
    {
        if (MetricsListen is null)
            return null;
        if (!Http.Internal.ListenAddress.TryParse(MetricsListen, out var listen, out var error))
            throw new ArgumentException($"MetricsListen: {error}", nameof(MetricsListen));
        return listen.ToEndPoint();
    }

    private static void RequireValid(string? error)
    {
        if (error is not null)
            throw new ArgumentException(error);
    }

    internal static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
    }

    internal static void RequirePositive(double value, string name)
    {
        if (!(value > 0))
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
    }
}
