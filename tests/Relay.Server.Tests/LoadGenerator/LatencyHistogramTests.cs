using FsCheck;
using FsCheck.Fluent;
using Relay.LoadGenerator.Measurement;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_one_percent_of_the_exact_order_statistic()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 50_000_000))), values =>
        {
            if (values.Length == 0)
                return true;
            var histogram = new LatencyHistogram();
            foreach (var value in values)
                histogram.Record(value);
            var sorted = values.Order().ToArray();
            foreach (var percentile in new[] { 50.0, 90.0, 99.0, 100.0 })
            {
                var exact = sorted[(int)Math.Ceiling(percentile / 100 * sorted.Length) - 1] / 1000.0;
                var measured = histogram.PercentileMs(percentile);
                // Buckets are 1/128 wide, reported at their upper bound and capped by the maximum.
                if (measured < exact || measured > (exact * (1 + (1.0 / 128))) + 0.001)
                    return false;
            }

            return histogram.Count == values.Length && histogram.Max == sorted[^1];
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_merges_counts_as_if_recorded_in_one()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        var both = new LatencyHistogram();
        for (var i = 0; i < 1_000; i++)
        {
            (i % 2 == 0 ? a : b).Record(i * 37);
            both.Record(i * 37);
        }

        a.Add(b);

        Assert.Equal(both.Count, a.Count);
        Assert.Equal(both.Max, a.Max);
        Assert.Equal(both.PercentileMs(99), a.PercentileMs(99));
    }
}
