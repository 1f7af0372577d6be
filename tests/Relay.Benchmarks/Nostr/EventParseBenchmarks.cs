using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Relay.Nostr.Messages;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// Parse and validate a typical 400-byte kind-1 EVENT message, including recomputing and checking its id
/// (target: under 2 µs). Baseline: System.Text.Json's DOM parse of the same bytes, which validates nothing
/// Nostr-specific and computes no id.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class EventParseBenchmarks
{
    private readonly byte[] _message = NostrBenchmarkData.TypicalMessage;

    [GlobalSetup]
    public void Check()
    {
        if (!ClientMessageParser.TryParse(_message, NostrBenchmarkData.Limits, out _, out var error))
        {
            throw new InvalidOperationException(error.Message);
        }
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (no validation, no id)")]
    public int JsonDocumentParse()
    {
        using var doc = JsonDocument.Parse(_message);
        return doc.RootElement.GetArrayLength();
    }

    [Benchmark(Description = "ClientMessageParser.TryParse (validate + id)")]
    public object? ParseAndValidate()
    {
        ClientMessageParser.TryParse(_message, NostrBenchmarkData.Limits, out var message, out _);
        return message;
    }
}
