using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Relay.Nostr.Events;
using Relay.Nostr.Json;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// The NIP-01 id of the typical event: assembling the preimage from the canonical pieces and hashing it.
/// Baseline: SHA-256 of an already assembled preimage, the floor.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class EventIdBenchmarks
{
    private readonly NostrEvent _event = NostrBenchmarkData.Typical;
    private byte[] _tagsJson = [];
    private byte[] _contentJson = [];
    private byte[] _preimage = [];

    [GlobalSetup]
    public void Setup()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(_event.Json);
        _tagsJson = Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("tags").GetRawText());
        _contentJson = Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("content").GetRawText());
        _preimage = Encoding.UTF8.GetBytes($"[0,\"{_event.PubKey}\",{_event.CreatedAt},{_event.Kind},{Encoding.UTF8.GetString(_tagsJson)},{Encoding.UTF8.GetString(_contentJson)}]");
        if (CanonicalEventJson.ComputeId(_event.PubKey, _event.CreatedAt, _event.Kind, _tagsJson, _contentJson) != _event.Id)
        {
            throw new InvalidOperationException("The benchmark does not compute the event's id.");
        }
    }

    [Benchmark(Baseline = true, Description = "SHA256.HashData(preimage)")]
    public byte[] HashOnly() => SHA256.HashData(_preimage);

    [Benchmark(Description = "CanonicalEventJson.ComputeId")]
    public EventId ComputeId() => CanonicalEventJson.ComputeId(_event.PubKey, _event.CreatedAt, _event.Kind, _tagsJson, _contentJson);
}
