using System.Security.Cryptography;
using Relay.Nostr.Events;
using Relay.Nostr.Internal;

namespace Relay.Nostr.Crypto;

/// <summary>
/// A secp256k1 secret key (32 bytes, 1 ≤ d &lt; n), for tests and the load generator: the relay itself
/// never signs. <see cref="ToString"/> does not reveal it.
/// </summary>
public sealed class SecretKey
{
    private readonly byte[] _bytes;

    private SecretKey(byte[] bytes) => _bytes = bytes;

    /// <summary>A new random key from the operating system's CSPRNG.</summary>
    public static SecretKey Generate(ISchnorrBackend? backend = null)
    {
        backend ??= SchnorrBackends.Default;
        Span<byte> publicKey = stackalloc byte[32];
        while (true)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);

            // Out of range (0 or ≥ n) with probability ~2^-128; draw again rather than reduce.
            if (backend.TryGetPublicKey(bytes, publicKey))
            {
                return new SecretKey(bytes);
            }
        }
    }

    /// <summary>A key from its 32 raw bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes, or not in 1 ≤ d &lt; n.</exception>
    public static SecretKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        Span<byte> publicKey = stackalloc byte[32];
        if (bytes.Length != 32 || !SchnorrBackends.Managed.TryGetPublicKey(bytes, publicKey))
        {
            ThrowHelper.ThrowArgument("A secret key is 32 bytes encoding 1 ≤ d < n.", nameof(bytes));
        }

        return new SecretKey(bytes.ToArray());
    }

    /// <summary>A key from 64 hex characters (either case).</summary>
    /// <exception cref="FormatException">Not hex.</exception>
    /// <exception cref="ArgumentException">Not a valid key.</exception>
    public static SecretKey FromHex(string hex) => FromBytes(Convert.FromHexString(hex));

    /// <summary>The 32 raw bytes.</summary>
    public ReadOnlySpan<byte> AsSpan() => _bytes;

    /// <summary>The 64 lowercase hex characters; handle with care.</summary>
    public string ToHex() => Convert.ToHexStringLower(_bytes);

    /// <summary>The x-only public key.</summary>
    public PublicKey GetPublicKey(ISchnorrBackend? backend = null)
    {
        Span<byte> publicKey = stackalloc byte[32];
        if (!(backend ?? SchnorrBackends.Default).TryGetPublicKey(_bytes, publicKey))
        {
            ThrowHelper.ThrowInvalidOperation("A validated secret key has no public key.");
        }

        return new PublicKey(publicKey);
    }

    /// <summary>Does not reveal the key.</summary>
    public override string ToString() => "SecretKey(…)";
}
