using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Settings of <c>relay-load fanout</c>.</summary>
internal sealed record FanoutSettings
{
    /// <summary>The relay.</summary>
    public required Uri Url { get; init; }

    /// <summary>Subscriptions in total (the target is stated for 1,000).</summary>
    public int Subscribers { get; init; } = 1_000;

    /// <summary>
    /// Subscriptions per connection. Default 1: a thousand clients, each its own connection, as k6's subscribe-fanout.js
    /// does. More packs subscriptions onto fewer sockets (the relay's per-connection subscription limit applies).
    /// </summary>
    public int SubscriptionsPerConnection { get; init; } = 1;

    /// <summary>Events published.</summary>
    public int Events { get; init; } = 1_000;

    /// <summary>Publishing connections.</summary>
    public int Publishers { get; init; } = 1;

    /// <summary>In-flight window per publishing connection.</summary>
    public int Window { get; init; } = 256;

    /// <summary>Target events/s over all publishers; 0 = as fast as the relay answers.</summary>
    public double Rate { get; init; }

    /// <summary>
    /// Kind of the published events. Default 1 (stored): the figure then includes the durable write before the
    /// broadcast; 20001 (ephemeral) measures the broadcast alone.
    /// </summary>
    public int Kind { get; init; } = 1;

    /// <summary>Authors and content of the generated events; the kind and t tag are set per run.</summary>
    public EventRecipe Recipe { get; init; } = new();

    /// <summary>The relay's pid, for its CPU time.</summary>
    public int? RelayPid { get; init; }

    /// <summary>Bound on the run from the first connection to the last delivery.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
