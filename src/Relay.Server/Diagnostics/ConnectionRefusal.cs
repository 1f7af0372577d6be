namespace Relay.Server.Diagnostics;

/// <summary>The <c>reason</c> label of <c>relay_connections_refused_total</c>.</summary>
public enum ConnectionRefusal
{
    /// <summary>The relay is at its connection limit (<c>max_connections</c>).</summary>
    MaxConnections,

    /// <summary>The client's address already holds its limit of connections (<c>per_ip_limit</c>).</summary>
    PerIpLimit,

    /// <summary>The client's address opens connections faster than allowed (<c>per_ip_rate</c>).</summary>
    PerIpRate,

    /// <summary>The relay is draining for shutdown (<c>shutting_down</c>).</summary>
    ShuttingDown,
}
