namespace Relay.Server.Configuration;

/// <summary>
/// Token buckets: each message of a kind takes one token; a bucket holds at most its burst and refills at its rate.
/// A connection's message must find a token both in its own bucket and in its IP address's bucket.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>EVENTs per second per connection. Default 20: a person posts a few events a minute; a client
    /// re-broadcasting a backlog gets 20/s sustained, far below what one connection could cost the relay.</summary>
    public double EventsPerSecond { get; set; } = 20;

    /// <summary>EVENT burst per connection. Default 100: a client publishing its profile, follow list and a batch of
    /// notes at start-up is not refused.</summary>
    public double EventBurst { get; set; } = 100;

    /// <summary>REQs (and COUNTs) per second per connection. Default 10: clients open a handful of subscriptions per
    /// screen, re-opening them as the user scrolls.</summary>
    public double ReqsPerSecond { get; set; } = 10;

    /// <summary>REQ burst per connection. Default 64, equal to the default subscription limit: a client may open all its
    /// subscriptions at once.</summary>
    public double ReqBurst { get; set; } = 64;

    /// <summary>EVENTs per second per IP address, over all its connections. Default 100: five busy connections
    /// behind one NAT.</summary>
    public double IpEventsPerSecond { get; set; } = 100;

    /// <summary>EVENT burst per IP address. Default 500.</summary>
    public double IpEventBurst { get; set; } = 500;

    /// <summary>REQs per second per IP address. Default 50.</summary>
    public double IpReqsPerSecond { get; set; } = 50;

    /// <summary>REQ burst per IP address. Default 320 (five connections' bursts).</summary>
    public double IpReqBurst { get; set; } = 320;

    /// <summary>
    /// Refused messages in a row after which the client is closed with 4001: it is ignoring <c>rate-limited:</c>
    /// replies. Default 20: a client that backs off after a few refusals is never closed.
    /// </summary>
    public int MaxRefusalsInARow { get; set; } = 20;

    /// <summary>Most IP addresses tracked; the idle ones are forgotten first. Default 100,000 (~10 MiB).</summary>
    public int MaxTrackedAddresses { get; set; } = 100_000;

    internal void Validate()
    {
        RelayOptions.RequirePositive(EventsPerSecond, nameof(EventsPerSecond));
        RelayOptions.RequirePositive(EventBurst, nameof(EventBurst));
        RelayOptions.RequirePositive(ReqsPerSecond, nameof(ReqsPerSecond));
        RelayOptions.RequirePositive(ReqBurst, nameof(ReqBurst));
        RelayOptions.RequirePositive(IpEventsPerSecond, nameof(IpEventsPerSecond));
        RelayOptions.RequirePositive(IpEventBurst, nameof(IpEventBurst));
        RelayOptions.RequirePositive(IpReqsPerSecond, nameof(IpReqsPerSecond));
        RelayOptions.RequirePositive(IpReqBurst, nameof(IpReqBurst));
        RelayOptions.RequirePositive(MaxRefusalsInARow, nameof(MaxRefusalsInARow));
        RelayOptions.RequirePositive(MaxTrackedAddresses, nameof(MaxTrackedAddresses));
    }
}
