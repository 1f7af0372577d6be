namespace Relay.LoadGenerator.Scenarios;

/// <summary>Settings of <c>relay-load connect-hold</c>.</summary>
internal sealed record ConnectHoldSettings
{
    /// <summary>The relay.</summary>
    public required Uri Url { get; init; }

    /// <summary>Connections to open and hold (the target is stated for 10,000).</summary>
    public int Connections { get; init; } = 10_000;

    /// <summary>
    /// Hold one live subscription per connection (<c>{"#t":[tag],"limit":0}</c>, as k6's connect-hold.js does); false
    /// holds bare connections, the "idle connection" of the memory target.
    /// </summary>
    public bool Subscribe { get; init; }

    /// <summary>The t tag the held subscriptions ask for.</summary>
    public string Tag { get; init; } = "relay-loadtest";

    /// <summary>
    /// Wait after the last connection opened before reading the relay's memory. Default 5 s: lets the relay's
    /// per-connection startup work and a GC settle, so the figure is the steady idle cost.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Further time to hold the connections after measuring (pings and idle timeouts happen here).</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.Zero;

    /// <summary>The relay's pid, for its resident memory before and after.</summary>
    public int? RelayPid { get; init; }

    /// <summary>
    /// After reading the relay's memory, also count its managed heap by type (<see cref="Measurement.HeapCensus"/>;
    /// needs <see cref="RelayPid"/> and a .NET relay): where the memory per connection goes.
    /// </summary>
    public bool Census { get; init; }

    /// <summary>Bound on opening all connections (settle and hold come on top).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
