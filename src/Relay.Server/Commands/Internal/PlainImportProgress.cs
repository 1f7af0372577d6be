using System.Globalization;
using Relay.Server.Operations;

namespace Relay.Server.Commands.Internal;

/// <summary>
/// Progress of <c>relay import</c> when standard error is not a terminal (a log file, a container log, a test):
/// one plain line every <see cref="Interval"/>, with rate and, when the input size is known, percentage and ETA.
/// </summary>
internal sealed class PlainImportProgress(TextWriter error, long? totalBytes)
{
    /// <summary>10 s: a 1,000,000-line import at tens of thousands of lines per second logs a few dozen lines, not thousands.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private TimeSpan _lastReport;

    public void Report(ImportSummary summary)
    {
        if (summary.Elapsed - _lastReport < Interval)
        {
            return;
        }

        _lastReport = summary.Elapsed;
        error.WriteLine(Describe(summary, totalBytes));
    }

    /// <summary>One progress line, e.g. <c>relay import: 120,000 lines (12.5%), 24,000 lines/s, ETA 0:01:10</c>.</summary>
    public static string Describe(ImportSummary summary, long? totalBytes)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = string.Create(culture, $"relay import: {summary.Lines:N0} lines, {summary.Accepted:N0} accepted, {summary.Duplicates:N0} duplicate, {summary.Rejected:N0} rejected, {summary.LinesPerSecond:N0} lines/s");
        if (totalBytes is > 0 and var total && summary.BytesRead > 0)
        {
            var fraction = Math.Min(1.0, (double)summary.BytesRead / total);
            var remaining = TimeSpan.FromSeconds(summary.Elapsed.TotalSeconds * (1 - fraction) / fraction);
            text += string.Create(culture, $" ({fraction:P1} of the input, ETA {remaining:h\\:mm\\:ss})");
        }

        return text;
    }
}
