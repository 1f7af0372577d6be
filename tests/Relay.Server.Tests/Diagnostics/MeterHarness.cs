using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Relay.Server.Diagnostics;

namespace Relay.Server.Tests.Diagnostics;

/// <summary>
/// A private meter scope with a collector exporting the meter "Test" (and whatever else the test names):
/// tests running in parallel each get their own container, so counts never mix.
/// </summary>
internal sealed class MeterHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public MeterHarness(params string[] extraMeters)
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Factory = _services.GetRequiredService<IMeterFactory>();
        var options = new MetricsOptions();
        options.Meters.Clear();
        options.Meters.Add("Test");
        foreach (var name in extraMeters) options.Meters.Add(name);
        Collector = new MetricsCollector(options, Factory);
        Meter = Factory.Create("Test");
    }

    public IMeterFactory Factory { get; }

    public MetricsCollector Collector { get; }

    public Meter Meter { get; }

    public string Text() => Collector.Scrape(ExpositionFormat.PrometheusText);

    public string OpenMetrics() => Collector.Scrape(ExpositionFormat.OpenMetrics);

    /// <summary>The lines of the 0.0.4 exposition that belong to family <paramref name="name"/> (metadata and samples).</summary>
    public string[] Lines(string name, ExpositionFormat format = ExpositionFormat.PrometheusText) =>
        Collector.Scrape(format).Split('\n')
            .Where(l => l.StartsWith(name, StringComparison.Ordinal) || l.StartsWith("# HELP " + name, StringComparison.Ordinal)
                || l.StartsWith("# TYPE " + name, StringComparison.Ordinal) || l.StartsWith("# UNIT " + name, StringComparison.Ordinal))
            .ToArray();

    public void Dispose()
    {
        Collector.Dispose();
        _services.Dispose();
    }
}
