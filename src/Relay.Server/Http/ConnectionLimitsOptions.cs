namespace Relay.Server.Http;

/// <summary>
/// Caps on open WebSocket connections, checked before the upgrade by <see cref="ConnectionAdmission"/>
/// (configuration section <see cref="SectionName"/>).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record ConnectionLimitsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Limits:Connections";

    /// <summary>
    /// Most connections open at once across all clients; beyond it the upgrade is refused with 503. Default
    /// 10,000: the connection count the relay is sized for (issue 5 targets ≤ 16 KiB per idle connection at
    /// 10,000 connections, ~160 MiB), far below the file-descriptor limit of a container (1,048,576) and
    /// leaving memory for the working set of the active ones.
    /// </summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>
    /// Most connections open at once from one client address (one IPv6 prefix, see <see cref="Ipv6PrefixLength"/>);
    /// beyond it the upgrade is refused with 429. Default 100: a user's clients open a handful each, and a
    /// carrier-grade NAT or an office shares one address among dozens of users; at 1% of
    /// <see cref="MaxConnections"/> it takes at least 100 addresses to exhaust the relay.
    /// </summary>
    public int MaxConnectionsPerIp { get; init; } = 100;

    /// <summary>
    /// IPv6 clients are counted per prefix of this length. Default 64: a subscriber is delegated at least a /64
    /// (RFC 6177, RFC 7421 SLAAC), so one client can rotate through 2^64 addresses and a per-address cap on IPv6
    /// would cap nothing. 128 counts each address.
    /// </summary>
    public int Ipv6PrefixLength { get; init; } = 64;

    /// <summary>
    /// The <c>Retry-After</c> sent with 429 and 503, in seconds (RFC 9110 §10.2.3). Default 10: slots free up
    /// as clients disconnect, and a client retrying sooner would only be refused again.
    /// </summary>
    public int RetryAfterSeconds { get; init; } = 10;

    /// <summary>Checks that the limits are usable.</summary>
    /// <returns>Null when valid, else the reason, naming the setting.</returns>
    public string? Validate()
    {
        if (MaxConnections <= 0) return $"{SectionName}:MaxConnections must be positive.";
        if (MaxConnectionsPerIp <= 0) return $"{SectionName}:MaxConnectionsPerIp must be positive.";
        if (Ipv6PrefixLength is < 1 or > 128) return $"{SectionName}:Ipv6PrefixLength must be between 1 and 128.";
        if (RetryAfterSeconds < 0) return $"{SectionName}:RetryAfterSeconds must not be negative.";
        return null;
    }
}
