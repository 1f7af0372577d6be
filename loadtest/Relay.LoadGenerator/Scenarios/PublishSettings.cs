using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Settings of <c>relay-load publish</c>.</summary>
internal sealed record PublishSettings
{
    /// <summary>The relay.</summary>
    public required Uri Url { get; init; }

    /// <summary>Events to publish (or the first this many of <see cref="InputFile"/>).</summary>
    public int Events { get; init; } = 10_000;

    /// <summary>Publishing connections (<see cref="PublishPlan.Connections"/>).</summary>
    public int Connections { get; init; } = 4;

    /// <summary>In-flight window per connection (<see cref="PublishPlan.Window"/>).</summary>
    public int Window { get; init; } = 256;

    /// <summary>Target events/s overall; 0 = as fast as the relay answers.</summary>
    public double Rate { get; init; }

    /// <summary>Pre-signed JSONL to publish instead of generating events.</summary>
    public string? InputFile { get; init; }

    /// <summary>What to generate when there is no input file.</summary>
    public EventRecipe Recipe { get; init; } = new();

    /// <summary>The relay's process id, to measure its CPU time (/proc, same machine only).</summary>
    public int? RelayPid { get; init; }

    /// <summary>Bound on the whole run, after signing.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
