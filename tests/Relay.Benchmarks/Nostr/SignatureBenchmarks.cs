using BenchmarkDotNet.Attributes;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// BIP-340 verification of the typical event through both implementations. The native row is the one
/// compared with libsecp256k1's own cost measured from C (native/verify_bench.c; target: within 10%).
/// </summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private readonly NostrEvent _event = NostrBenchmarkData.Typical;
    private ISchnorrBackend _native = null!;

    [GlobalSetup]
    public void Setup()
    {
        _native = SchnorrBackends.Native ?? throw new InvalidOperationException(SchnorrBackends.NativeUnavailableReason);
        if (!_event.VerifySignature(_native) || !_event.VerifySignature(SchnorrBackends.Managed))
        {
            throw new InvalidOperationException("The benchmark event does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "libsecp256k1 (P/Invoke)")]
    public bool VerifyNative() => _event.VerifySignature(_native);

    [Benchmark(Description = "managed (BouncyCastle)")]
    public bool VerifyManaged() => _event.VerifySignature(SchnorrBackends.Managed);
}
