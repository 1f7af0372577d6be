using Relay.LoadGenerator.Events;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Settings of <c>relay-load req</c>.</summary>
internal sealed record ReqSettings
{
    /// <summary>The relay.</summary>
    public required Uri Url { get; init; }

    /// <summary>REQs to run in total.</summary>
    public int Queries { get; init; } = 1_000;

    /// <summary>Connections running REQs one after another, in parallel with each other.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Authors per filter, drawn at random from the seeded set (1 is "one author's feed").</summary>
    public int AuthorsPerQuery { get; init; } = 1;

    /// <summary>The filter's kinds.</summary>
    public IReadOnlyList<int> Kinds { get; init; } = [1];

    /// <summary>The filter's limit. Default 100: the target is stated for an authors+kinds+limit-100 filter.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Where the author set comes from when <see cref="InputFile"/> is absent: <see cref="EventRecipe.KeySeed"/> and <see cref="EventRecipe.Authors"/>, as <c>seed</c> used.</summary>
    public EventRecipe Recipe { get; init; } = new();

    /// <summary>Take the authors from this JSONL file (e.g. generate-events.mjs output that was imported) instead.</summary>
    public string? InputFile { get; init; }

    /// <summary>
    /// Longest wait for one EOSE before the REQ is counted as timed out and closed. Default 10 s: k6's req-mix.js
    /// TIMEOUT_MS, a thousand times the p99 target.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on the whole run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
