using Relay.Server.Commands.Internal;
using Relay.Server.Operations;

namespace Relay.Server.Tests.Operations;

/// <summary>The progress lines <c>relay import</c> writes when standard error is not a terminal.</summary>
public class PlainImportProgressTests
{
    private static ImportSummary Summary(int stored, int duplicates, long bytesRead, double seconds)
    {
        var summary = new ImportSummary { BytesRead = bytesRead, Elapsed = TimeSpan.FromSeconds(seconds) };
        for (var i = 0; i < stored; i++) summary.Add(ImportOutcome.Stored);
        for (var i = 0; i < duplicates; i++) summary.Add(ImportOutcome.Duplicate);
        summary.Add(ImportOutcome.BadSignature);
        return summary;
    }

    [Fact]
    public void Describe_gives_counts_rate_share_of_the_input_and_ETA()
    {
        var line = PlainImportProgress.Describe(Summary(2999, 1000, bytesRead: 250, seconds: 10), totalBytes: 1000);

        Assert.Equal("relay import: 4,000 lines, 2,999 accepted, 1,000 duplicate, 1 rejected, 400 lines/s (25.0 % of the input, ETA 0:00:30)", line);
    }

    [Fact]
    public void Describe_without_an_input_size_leaves_out_share_and_ETA()
    {
        var line = PlainImportProgress.Describe(Summary(9, 0, bytesRead: 250, seconds: 2), totalBytes: null);

        Assert.Equal("relay import: 10 lines, 9 accepted, 0 duplicate, 1 rejected, 5 lines/s", line);
    }

    [Fact]
    public void Report_writes_at_most_one_line_per_interval()
    {
        var error = new StringWriter();
        var progress = new PlainImportProgress(error, totalBytes: null);
        double[] elapsed = [1.0, 9.0, 10.5, 12.0, 20.0, 20.4, 31.0];

        for (var i = 0; i < elapsed.Length; i++)
        {
            progress.Report(Summary(stored: i, duplicates: 0, bytesRead: 100, seconds: elapsed[i]));
        }

        // 10 s after the start, then 10 s after the last line written: at 10.5 s (3 lines) and 31 s (7 lines).
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("relay import: 3 lines,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("relay import: 7 lines,", lines[1], StringComparison.Ordinal);
    }
}
