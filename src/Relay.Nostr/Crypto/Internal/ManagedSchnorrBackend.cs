using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// BIP-340 written from the specification (bitcoin/bips, bip-0340.mediawiki, "Default Signing" and
/// "Verification") over Portable.BouncyCastle's secp256k1 arithmetic (<c>CustomNamedCurves</c>, which
/// uses the GLV endomorphism). The fallback when libsecp256k1 is missing: correct, about ten times slower,
/// and not hardened against timing side channels, which matters for signing only (tests and the load
/// generator sign; the relay only verifies).
/// </summary>
/// <remarks>Stateless apart from immutable curve parameters: safe from many threads.</remarks>
internal sealed class ManagedSchnorrBackend : ISchnorrBackend
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECCurve Curve = Parameters.Curve;
    private static readonly ECPoint G = Parameters.G;
    private static readonly BigInteger N = Parameters.N;
    private static readonly BigInteger P = Curve.Field.Characteristic;
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    public static ManagedSchnorrBackend Instance { get; } = new();

    private ManagedSchnorrBackend()
    {
    }

    public SchnorrBackendKind Kind => SchnorrBackendKind.Managed;

    public string Description => "managed BIP-340 (Portable.BouncyCastle)";

    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != 64 || publicKey.Length != 32)
        {
            return false;
        }

        // P = lift_x(int(pk)); fail if that fails.
        var publicPoint = LiftX(ToInteger(publicKey));
        if (publicPoint is null)
        {
            return false;
        }

        // r = int(sig[0:32]); fail if r ≥ p. s = int(sig[32:64]); fail if s ≥ n.
        var r = ToInteger(signature[..32]);
        var s = ToInteger(signature[32..]);
        if (r.CompareTo(P) >= 0 || s.CompareTo(N) >= 0)
        {
            return false;
        }

        // e = int(hash_BIP0340/challenge(bytes(r) || bytes(P) || m)) mod n.
        var e = ToInteger(Bip340TaggedHash.Challenge(signature[..32], publicKey, message)).Mod(N);

        // R = s⋅G − e⋅P, computed as s⋅G + (n − e)⋅P in one interleaved multiplication.
        var point = ECAlgorithms.SumOfTwoMultiplies(G, s, publicPoint, N.Subtract(e)).Normalize();

        // Fail if is_infinite(R), if not has_even_y(R), or if x(R) ≠ r.
        return !point.IsInfinity
            && !point.AffineYCoord.TestBitZero()
            && point.AffineXCoord.ToBigInteger().Equals(r);
    }

    public bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRand, Span<byte> signature)
    {
        if (secretKey.Length != 32 || auxRand.Length != 32 || signature.Length < 64)
        {
            return false;
        }

        // d' = int(sk); fail if d' = 0 or d' ≥ n. P = d'⋅G; d = d' if has_even_y(P), else n − d'.
        var d0 = ToInteger(secretKey);
        if (d0.SignValue == 0 || d0.CompareTo(N) >= 0)
        {
            return false;
        }

        var publicPoint = BaseMultiplier.Multiply(G, d0).Normalize();
        var d = publicPoint.AffineYCoord.TestBitZero() ? N.Subtract(d0) : d0;
        Span<byte> publicKey = stackalloc byte[32];
        WriteBytes(publicPoint.AffineXCoord.ToBigInteger(), publicKey);

        // t = bytes(d) xor hash_BIP0340/aux(a); k' = int(hash_BIP0340/nonce(t || bytes(P) || m)) mod n.
        Span<byte> t = stackalloc byte[32];
        WriteBytes(d, t);
        var auxHash = Bip340TaggedHash.Aux(auxRand);
        for (var i = 0; i < 32; i++)
        {
            t[i] ^= auxHash[i];
        }

        var k0 = ToInteger(Bip340TaggedHash.Nonce(t, publicKey, message)).Mod(N);
        t.Clear();
        if (k0.SignValue == 0)
        {
            return false;
        }

        // R = k'⋅G; k = k' if has_even_y(R), else n − k'.
        var noncePoint = BaseMultiplier.Multiply(G, k0).Normalize();
        var k = noncePoint.AffineYCoord.TestBitZero() ? N.Subtract(k0) : k0;
        Span<byte> rBytes = stackalloc byte[32];
        WriteBytes(noncePoint.AffineXCoord.ToBigInteger(), rBytes);

        // e = int(hash_BIP0340/challenge(bytes(R) || bytes(P) || m)) mod n; sig = bytes(R) || bytes((k + ed) mod n).
        var e = ToInteger(Bip340TaggedHash.Challenge(rBytes, publicKey, message)).Mod(N);
        rBytes.CopyTo(signature);
        WriteBytes(k.Add(e.Multiply(d)).Mod(N), signature[32..64]);

        // BIP-340: "If Verify(bytes(P), m, sig) returns failure, abort" (guards against faults).
        return Verify(signature[..64], message, publicKey);
    }

    public bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey)
    {
        if (secretKey.Length != 32 || publicKey.Length < 32)
        {
            return false;
        }

        var d = ToInteger(secretKey);
        if (d.SignValue == 0 || d.CompareTo(N) >= 0)
        {
            return false;
        }

        WriteBytes(BaseMultiplier.Multiply(G, d).Normalize().AffineXCoord.ToBigInteger(), publicKey);
        return true;
    }

    /// <summary>
    /// BIP-340 lift_x: the point with x coordinate <paramref name="x"/> and even y, or null when x ≥ p or
    /// x³ + 7 has no square root mod p.
    /// </summary>
    private static ECPoint? LiftX(BigInteger x)
    {
        if (x.CompareTo(P) >= 0)
        {
            return null;
        }

        var fx = Curve.FromBigInteger(x);
        var y = fx.Square().Multiply(fx).Add(Curve.B).Sqrt();
        if (y is null)
        {
            return null;
        }

        if (y.TestBitZero())
        {
            y = y.Negate();
        }

        return Curve.CreatePoint(x, y.ToBigInteger());
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(1, bigEndian.ToArray());

    private static void WriteBytes(BigInteger value, Span<byte> destination) =>
        BigIntegers.AsUnsignedByteArray(32, value).CopyTo(destination);
}
