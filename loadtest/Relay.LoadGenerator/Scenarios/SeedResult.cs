using Relay.LoadGenerator.Output;

namespace Relay.LoadGenerator.Scenarios;

/// <summary>Outcome of <c>relay-load seed</c>.</summary>
internal sealed record SeedResult : IScenarioResult
{
    /// <inheritdoc />
    public string Scenario => "seed";

    /// <summary>Events signed.</summary>
    public long Signed { get; init; }

    /// <summary>Events written to the JSONL file, if any.</summary>
    public long Written { get; init; }

    /// <summary>The JSONL file written, if any.</summary>
    public string? File { get; init; }

    /// <summary>Whether events were published.</summary>
    public bool Published { get; init; }

    /// <summary>The publisher's counts over all batches (<see cref="PublishResult.ElapsedSeconds"/> is publishing time only).</summary>
    public required PublishResult Publish { get; init; }

    /// <summary>Seconds spent signing.</summary>
    public double SigningSeconds { get; init; }

    /// <summary>Whether the timeout cut the run short.</summary>
    public bool TimedOut { get; init; }

    /// <inheritdoc />
    public bool Complete => !TimedOut && (!Published || Publish.Complete);

    /// <inheritdoc />
    public IEnumerable<(string Label, string Value)> Rows()
    {
        yield return ("signed", $"{ReportWriter.Number(Signed)} in {ReportWriter.Number(SigningSeconds, 1)} s");
        if (File is not null)
            yield return ("written", $"{ReportWriter.Number(Written)} to {File}");
        if (TimedOut)
            yield return ("timed out", "yes");
        if (!Published)
            yield break;
        foreach (var row in Publish.Rows())
            yield return row;
    }
}
