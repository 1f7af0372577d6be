namespace Relay.Nostr.Crypto;

/// <summary>
/// BIP-340 Schnorr signatures over secp256k1: what Nostr signs event ids with (NIP-01).
/// </summary>
/// <remarks>Every implementation is safe to call from many threads at once.</remarks>
public interface ISchnorrBackend
{
    /// <summary>Which implementation this is.</summary>
    SchnorrBackendKind Kind { get; }

    /// <summary>Human-readable description for logs, e.g. the library that was loaded.</summary>
    string Description { get; }

    /// <summary>
    /// BIP-340 verification. False for a wrong signature and for inputs that cannot be valid: a public key
    /// that is not an x coordinate on the curve, r ≥ p, s ≥ n, or wrong lengths.
    /// </summary>
    /// <param name="signature">64 bytes.</param>
    /// <param name="message">The signed message; for Nostr the 32-byte event id (BIP-340 allows any length).</param>
    /// <param name="publicKey">32-byte x-only public key.</param>
    bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey);

    /// <summary>BIP-340 signing with the given auxiliary randomness (use 32 fresh random bytes outside tests).</summary>
    /// <param name="secretKey">32 bytes, 1 ≤ d &lt; n.</param>
    /// <param name="message">The message to sign.</param>
    /// <param name="auxRand">32 bytes of auxiliary randomness.</param>
    /// <param name="signature">Receives 64 bytes.</param>
    /// <returns>False when the secret key is out of range or the lengths are wrong.</returns>
    bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRand, Span<byte> signature);

    /// <summary>Derives the 32-byte x-only public key of a secret key.</summary>
    /// <returns>False when the secret key is out of range or the lengths are wrong.</returns>
    bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey);
}
