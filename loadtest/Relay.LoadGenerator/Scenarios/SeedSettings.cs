using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Settings of <c>relay-load seed</c>.</summary>
internal sealed record SeedSettings
{
    /// <summary>The relay to publish to; null only writes <see cref="WriteJsonl"/>.</summary>
    public Uri? Url { get; init; }

    /// <summary>Events to create.</summary>
    public int Events { get; init; } = 1_000_000;

    /// <summary>What to sign; <see cref="EventRecipe.KeySeed"/> and <see cref="EventRecipe.Authors"/> must match the later <c>req</c>.</summary>
    public EventRecipe Recipe { get; init; } = new();

    /// <summary>Publishing connections.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>In-flight window per connection.</summary>
    public int Window { get; init; } = 256;

    /// <summary>
    /// Events signed, then published, at a time. Default 20,000: about 12 MB of frames in memory, and signing a batch
    /// (~1 s on two cores) stays short next to publishing it, whereas signing all 1,000,000 first would hold ~600 MB.
    /// </summary>
    public int Batch { get; init; } = 20_000;

    /// <summary>Also (or only) write the signed events as JSONL, for <c>relay import</c>.</summary>
    public string? WriteJsonl { get; init; }

    /// <summary>Bound on the whole run, signing included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Called after each batch with (events done, accepted so far): a million events take minutes.</summary>
    public Action<long, long>? OnBatch { get; init; }

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
