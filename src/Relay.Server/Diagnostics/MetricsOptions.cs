namespace Relay.Server.Diagnostics;

/// <summary>What <see cref="MetricsCollector"/> exports.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// The meters whose instruments are exported, by name: the relay's own (<see cref="RelayMetrics.MeterName"/>),
    /// the actor kernel's (<c>Relay.Actors</c>), the .NET runtime's (<c>System.Runtime</c>, built into .NET 9+:
    /// GC, JIT, thread pool, CPU, memory) and ASP.NET Core's (Kestrel connections, HTTP requests, the memory pool
    /// behind every socket buffer, unhandled exceptions). <c>System.Net.Http</c> is left out: the relay is no
    /// HTTP client.
    /// </summary>
    public IList<string> Meters { get; } =
    [
        RelayMetrics.MeterName,
        "Relay.Actors",
        "System.Runtime",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.MemoryPool",
        "Microsoft.AspNetCore.Diagnostics",
    ];

    /// <summary>
    /// Most series one instrument may have; further tag sets are counted in one series labelled
    /// <c>otel_metric_overflow="true"</c>. Default 2000, the OpenTelemetry SDK's cardinality limit: our own
    /// instruments have at most ~60 label combinations, so only a misbehaving third-party meter reaches it.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = 2000;
}
