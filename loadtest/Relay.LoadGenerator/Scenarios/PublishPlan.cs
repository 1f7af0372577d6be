using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>What <see cref="Publisher"/> sends, over how many connections, how fast.</summary>
internal sealed record PublishPlan
{
    /// <summary>The relay.</summary>
    public required Uri Url { get; init; }

    /// <summary>Signed events; event i goes on connection i mod <see cref="Connections"/>, in order.</summary>
    public required IReadOnlyList<PreparedEvent> Events { get; init; }

    /// <summary>Publishing connections.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>
    /// Events sent and not yet answered with OK, per connection. Default 256: a relay that answers OK only after its
    /// batched commit needs rate × commit latency in flight (10,000/s × ~20 ms = 200 across all connections), and a
    /// bounded window keeps a slow relay from queueing unbounded data on its socket.
    /// </summary>
    public int Window { get; init; } = 256;

    /// <summary>Target events per second over all connections; 0 sends as fast as the window allows.</summary>
    public double Rate { get; init; }

    /// <summary>Called with an event's index just before it is queued for sending (fan-out stamps its send time here).</summary>
    public Action<int>? OnSending { get; init; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
