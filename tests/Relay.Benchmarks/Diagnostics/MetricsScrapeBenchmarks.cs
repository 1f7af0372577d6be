using System.Buffers;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Relay.Server.Diagnostics;

namespace Relay.Benchmarks.Diagnostics;

/// <summary>
/// One scrape of the relay catalogue plus the runtime meter (~60 families), every instrument
/// holding data, written into a reused buffer. Baseline: the text format 0.0.4.
///   dotnet run -c Release --project tests/Relay.Benchmarks -- --filter '*MetricsScrape*'
/// </summary>
[MemoryDiagnoser]
public class MetricsScrapeBenchmarks
{
    private ServiceProvider _services = null!;
    private MetricsCollector _collector = null!;
    private readonly ArrayBufferWriter<byte> _buffer = new(128 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _collector = new MetricsCollector(new MetricsOptions(), factory);
        var m = new RelayMetrics(factory);
        foreach (var verb in Enum.GetValues<ClientVerb>()) m.ClientMessage(verb);
        foreach (var kind in Enum.GetValues<KindClass>())
        {
            m.EventAccepted(kind);
            m.RecordEventTimeToOk(kind, TimeSpan.FromMilliseconds(2));
        }
        for (var code = 1000; code <= 1011; code++) m.ConnectionClosed(code, CloseInitiator.Client);
        m.RecordReqTimeToEose(TimeSpan.FromMilliseconds(1));
        m.RecordWriterBatch(10, TimeSpan.FromMilliseconds(1));
        m.RecordQuery(100, TimeSpan.FromMilliseconds(1));
        m.SetDatabaseSizeSource(() => 1 << 20);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _collector.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Text_format()
    {
        _buffer.ResetWrittenCount();
        _collector.WriteTo(_buffer, ExpositionFormat.PrometheusText);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int OpenMetrics()
    {
        _buffer.ResetWrittenCount();
        _collector.WriteTo(_buffer, ExpositionFormat.OpenMetrics);
        return _buffer.WrittenCount;
    }
}
