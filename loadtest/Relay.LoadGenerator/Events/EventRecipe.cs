namespace Relay.LoadGenerator.Events;

/// <summary>What <see cref="EventFactory"/> signs.</summary>
internal sealed record EventRecipe
{
    /// <summary>
    /// Author keys derive from this string exactly as in <c>loadtest/scripts/generate-events.mjs</c>
    /// (sha256 of <c>{seed}/author/{index}</c>), so the tool, the script and the k6 REQ mix agree on the authors.
    /// </summary>
    public string KeySeed { get; init; } = "relay-loadtest";

    /// <summary>Number of distinct authors; events go to them round-robin.</summary>
    public int Authors { get; init; } = 100;

    /// <summary>Kinds, cycled by event index.</summary>
    public IReadOnlyList<int> Kinds { get; init; } = [1];

    /// <summary>The value of the <c>t</c> tag every event carries, so subscriptions can select exactly these events.</summary>
    public string Tag { get; init; } = "relay-loadtest";

    /// <summary>Content length in characters; 200 as generate-events.mjs, a typical short note.</summary>
    public int ContentBytes { get; init; } = 200;

    /// <summary>
    /// Events are spread evenly over this many seconds before now, oldest first, as generate-events.mjs does (24 hours),
    /// so time-window queries find events all along. Zero stamps every event with the current second.
    /// </summary>
    public long SpreadSeconds { get; init; } = 86_400;
}
