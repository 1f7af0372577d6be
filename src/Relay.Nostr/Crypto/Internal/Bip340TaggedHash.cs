using System.Security.Cryptography;
using System.Text;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>BIP-340 tagged hashes: SHA256(SHA256(tag) || SHA256(tag) || x).</summary>
internal static class Bip340TaggedHash
{
    private static readonly byte[] ChallengePrefix = Prefix("BIP0340/challenge");
    private static readonly byte[] AuxPrefix = Prefix("BIP0340/aux");
    private static readonly byte[] NoncePrefix = Prefix("BIP0340/nonce");

    public static byte[] Challenge(ReadOnlySpan<byte> r, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message) =>
        Hash(ChallengePrefix, r, publicKey, message);

    public static byte[] Aux(ReadOnlySpan<byte> auxRand) => Hash(AuxPrefix, auxRand, default, default);

    public static byte[] Nonce(ReadOnlySpan<byte> t, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message) =>
        Hash(NoncePrefix, t, publicKey, message);

    private static byte[] Prefix(string tag)
    {
        var tagHash = SHA256.HashData(Encoding.ASCII.GetBytes(tag));
        return [.. tagHash, .. tagHash];
    }

    private static byte[] Hash(byte[] prefix, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(prefix);
        hash.AppendData(a);
        hash.AppendData(b);
        hash.AppendData(c);
        return hash.GetHashAndReset();
    }
}
