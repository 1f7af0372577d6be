using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Relay.Server.Diagnostics;

namespace Relay.Benchmarks.Diagnostics;

/// <summary>
/// What one RelayMetrics call costs on the hot path with the exporter listening: untagged counter, one tag,
/// two tags, histogram. Baseline: the same untagged call with no listener (the instrument's own cost).
///   dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*MetricsRecording*'
/// </summary>
[MemoryDiagnoser]
public class MetricsRecordingBenchmarks
{
    private ServiceProvider _services = null!;
    private ServiceProvider _silentServices = null!;
    private MetricsCollector _collector = null!;
    private RelayMetrics _metrics = null!;
    private RelayMetrics _silent = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _collector = new MetricsCollector(new MetricsOptions(), factory);
        _metrics = new RelayMetrics(factory);
        _silentServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _silent = new RelayMetrics(_silentServices.GetRequiredService<IMeterFactory>());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _collector.Dispose();
        _services.Dispose();
        _silentServices.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Untagged_counter_without_listener() => _silent.PingTimedOut();

    [Benchmark]
    public void Untagged_counter() => _metrics.PingTimedOut();

    [Benchmark]
    public void Counter_with_one_tag() => _metrics.ClientMessage(ClientVerb.Req);

    [Benchmark]
    public void Counter_with_two_tags() => _metrics.EventAccepted(KindClass.Regular);

    [Benchmark]
    public void Histogram_with_one_tag() => _metrics.RecordEventTimeToOk(KindClass.Regular, TimeSpan.FromMilliseconds(3));
}
