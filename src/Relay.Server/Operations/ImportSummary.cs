using System.Globalization;
using System.Text;

namespace Relay.Server.Operations;

/// <summary>What an import did so far: lines by outcome, bytes read, time. A snapshot; not shared between threads.</summary>
public sealed class ImportSummary
{
    private readonly long[] _counts = new long[ImportOutcomes.All.Count];

    /// <summary>Non-blank lines read and decided (committed or refused).</summary>
    public long Lines { get; private set; }

    /// <summary>Blank lines (empty or whitespace only), skipped.</summary>
    public long BlankLines { get; internal set; }

    /// <summary>Input bytes consumed by the decided lines.</summary>
    public long BytesRead { get; internal set; }

    /// <summary>Batches committed, one transaction each (a batch whose lines were all refused commits nothing, but counts).</summary>
    public long Batches { get; internal set; }

    /// <summary>Time since the import started.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>True once the whole input was read and every line decided; false after an interruption.</summary>
    public bool Completed { get; internal set; }

    /// <summary>Lines stored.</summary>
    public long Accepted => this[ImportOutcome.Stored];

    /// <summary>Lines whose event was already stored.</summary>
    public long Duplicates => this[ImportOutcome.Duplicate];

    /// <summary>Lines refused, all reasons together.</summary>
    public long Rejected => Lines - Accepted - Duplicates;

    /// <summary>Decided lines per second of elapsed time.</summary>
    public double LinesPerSecond => Elapsed > TimeSpan.Zero ? Lines / Elapsed.TotalSeconds : 0;

    /// <summary>Lines with this outcome.</summary>
    public long this[ImportOutcome outcome] => _counts[(int)outcome];

    /// <summary>Human-readable summary, one item per line: totals, then each rejection reason that occurred.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"{(Completed ? "import complete" : "import interrupted")}: {Lines:N0} lines read")
            .Append(culture, $" ({BlankLines:N0} blank lines skipped), {Batches:N0} batches committed").AppendLine()
            .Append(culture, $"  accepted   {Accepted,12:N0}").AppendLine()
            .Append(culture, $"  duplicate  {Duplicates,12:N0}").AppendLine()
            .Append(culture, $"  rejected   {Rejected,12:N0}").AppendLine();
        foreach (var outcome in ImportOutcomes.All)
        {
            if (ImportOutcomes.IsRejection(outcome) && this[outcome] > 0)
            {
                text.Append(culture, $"    {ImportOutcomes.Label(outcome),-26} {this[outcome],12:N0}").AppendLine();
            }
        }

        text.Append(culture, $"  elapsed {Elapsed.TotalSeconds:0.0} s, {LinesPerSecond:N0} lines/s");
        return text.ToString();
    }

    internal void Add(ImportOutcome outcome)
    {
        _counts[(int)outcome]++;
        Lines++;
    }
}
