using Relay.Server.Diagnostics.Internal;

namespace Relay.Server.Tests.Diagnostics;

public class PrometheusNumberTests
{
    // OpenMetrics 1.0 "Canonical Numbers": the renderings exposers SHOULD produce for le/quantile values.
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.002, "0.002")]
    [InlineData(0.01, "0.01")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.9, "0.9")]
    [InlineData(0.95, "0.95")]
    [InlineData(0.99, "0.99")]
    [InlineData(0.999, "0.999")]
    [InlineData(1.0, "1.0")]
    [InlineData(1.7, "1.7")]
    [InlineData(10.0, "10.0")]
    [InlineData(1e-10, "1e-10")]
    [InlineData(1e-09, "1e-09")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(100000.0, "100000.0")]
    [InlineData(1e+06, "1e+06")]
    [InlineData(1e+10, "1e+10")]
    public void Format_renders_OpenMetrics_canonical_bucket_bounds(double value, string expected) =>
        Assert.Equal(expected, PrometheusNumber.ToText(value, canonicalLabel: true));

    // Go strconv.FormatFloat(v, 'g', -1, 64), what Prometheus' own clients print.
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(10.0, "10")]
    [InlineData(0.005, "0.005")]
    [InlineData(2.5, "2.5")]
    [InlineData(123456.0, "123456")]
    [InlineData(1234567.0, "1.234567e+06")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(6.02214076e23, "6.02214076e+23")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Format_renders_values_like_Go_shortest_g(double value, string expected) =>
        Assert.Equal(expected, PrometheusNumber.ToText(value));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Format_spells_non_finite_values_as_the_formats_require(double value, string expected)
    {
        Assert.Equal(expected, PrometheusNumber.ToText(value));
        Assert.Equal(expected, PrometheusNumber.ToText(value, canonicalLabel: true));
    }

    [Fact]
    public void Format_round_trips_random_doubles_without_culture_or_precision_loss()
    {
        var random = new Random(6);
        for (var i = 0; i < 10_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value)) continue;
            var text = PrometheusNumber.ToText(value);
            Assert.DoesNotContain(",", text);
            Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Format_writes_integers_exactly()
    {
        Span<byte> buffer = stackalloc byte[PrometheusNumber.MaxLength];
        var written = PrometheusNumber.Format(long.MaxValue, buffer);
        Assert.Equal("9223372036854775807", System.Text.Encoding.ASCII.GetString(buffer[..written]));
    }
}
