using System.Security.Cryptography;
using Relay.Nostr.Crypto;

namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>
/// A stand-in BIP-340 backend that makes test data fast to produce: the "public key" is SHA-256 of the secret
/// and the "signature" is zeros. Storage never verifies signatures (the relay does before writing), so events
/// built with it exercise every storage rule exactly as real ones; tests that care about real events use
/// <see cref="SchnorrBackends.Default"/>.
/// </summary>
internal sealed class FastSigner : ISchnorrBackend
{
    public static readonly FastSigner Instance = new();

    public SchnorrBackendKind Kind => SchnorrBackendKind.Managed;

    public string Description => "test data generator (not a signature scheme)";

    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey) => false;

    public bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRand, Span<byte> signature)
    {
        signature[..64].Clear();
        return true;
    }

    public bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey) =>
        SHA256.TryHashData(secretKey, publicKey, out _);
}
