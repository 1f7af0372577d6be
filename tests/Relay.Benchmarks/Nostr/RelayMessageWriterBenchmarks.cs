using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Relay.Nostr.Events;
using Relay.Nostr.Messages;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// Serialising relay messages into a reused buffer (target: no allocation). Baseline: Utf8JsonWriter
/// framing the same pre-serialised event as a raw value.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class RelayMessageWriterBenchmarks
{
    private readonly NostrEvent _event = NostrBenchmarkData.Typical;
    private readonly SubscriptionId _subscription = SubscriptionId.Create("feed-1");
    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private Utf8JsonWriter _jsonWriter = null!;

    [GlobalSetup]
    public void Setup() => _jsonWriter = new Utf8JsonWriter(_output, new JsonWriterOptions { SkipValidation = true });

    [GlobalCleanup]
    public void Cleanup() => _jsonWriter.Dispose();

    [Benchmark(Baseline = true, Description = "Utf8JsonWriter EVENT (raw event)")]
    public int Utf8JsonWriterEvent()
    {
        _output.ResetWrittenCount();
        _jsonWriter.Reset(_output);
        _jsonWriter.WriteStartArray();
        _jsonWriter.WriteStringValue("EVENT"u8);
        _jsonWriter.WriteStringValue(_subscription.Value);
        _jsonWriter.WriteRawValue(_event.Json.Span, skipInputValidation: true);
        _jsonWriter.WriteEndArray();
        _jsonWriter.Flush();
        return _output.WrittenCount;
    }

    [Benchmark(Description = "RelayMessageWriter.WriteEvent")]
    public int WriteEvent()
    {
        _output.ResetWrittenCount();
        RelayMessageWriter.WriteEvent(_output, _subscription, _event);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "RelayMessageWriter.WriteOk (false, message)")]
    public int WriteOk()
    {
        _output.ResetWrittenCount();
        RelayMessageWriter.WriteOk(_output, _event.Id, false, "invalid: signature does not verify");
        return _output.WrittenCount;
    }
}
