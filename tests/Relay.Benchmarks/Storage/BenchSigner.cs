using System.Security.Cryptography;
using Relay.Nostr.Crypto;

namespace Relay.Benchmarks.Storage;

/// <summary>
/// Produces benchmark data fast: "public key" = SHA-256 of the secret, "signature" = zeros. Storage never
/// verifies signatures (the relay does before writing), so this changes nothing the storage benchmarks measure
/// while making a million events take seconds instead of a minute of BIP-340 signing.
/// </summary>
internal sealed class BenchSigner : ISchnorrBackend
{
    public static readonly BenchSigner Instance = new();

    public SchnorrBackendKind Kind => SchnorrBackendKind.Managed;

    public string Description => "benchmark data generator (not a signature scheme)";

    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey) => false;

    public bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRand, Span<byte> signature)
    {
        signature[..64].Clear();
        return true;
    }

    public bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey) => SHA256.TryHashData(secretKey, publicKey, out _);
}
