using BenchmarkDotNet.Attributes;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Benchmarks.Nostr;

/// <summary>
/// BIP-340 verification of the typical event through both implementations. The native rows are the ones
/// compared with libsecp256k1's own cost measured from C (native/verify_bench.c; target: within 10%):
/// "new author" parses the public key every time, as the C harness does; "known author" finds it in the
/// parsed-key cache.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class SignatureBenchmarks
{
    /// <summary>More authors than the parsed-key cache has slots, so almost every lookup misses.</summary>
    private const int Authors = 3 * 4096;

    private readonly NostrEvent _event = NostrBenchmarkData.Typical;
    private ISchnorrBackend _native = null!;
    private NostrEvent[] _byManyAuthors = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _native = SchnorrBackends.Native ?? throw new InvalidOperationException(SchnorrBackends.NativeUnavailableReason);
        _byManyAuthors = [.. Enumerable.Range(0, Authors).Select(i => NostrEvent.Create(SecretKey.Generate(_native), _event.CreatedAt, 1, _event.Tags, _event.Content, _native))];
        if (!_event.VerifySignature(_native) || !_event.VerifySignature(SchnorrBackends.Managed))
        {
            throw new InvalidOperationException("The benchmark event does not verify.");
        }
    }

    [Benchmark(Baseline = true, Description = "libsecp256k1, new author (parse + verify)")]
    public bool VerifyNativeNewAuthor()
    {
        var e = _byManyAuthors[_next];
        _next = (_next + 1) % Authors;
        return e.VerifySignature(_native);
    }

    [Benchmark(Description = "libsecp256k1, known author (cached key)")]
    public bool VerifyNativeKnownAuthor() => _event.VerifySignature(_native);

    [Benchmark(Description = "managed (BouncyCastle)")]
    public bool VerifyManaged() => _event.VerifySignature(SchnorrBackends.Managed);
}
