namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// A startup check that a loaded implementation computes BIP-340: vector 1 of the official test vectors
/// (bitcoin/bips, bip-0340/test-vectors.csv) must sign to the published signature and verify, and the
/// same signature with one bit flipped must not.
/// </summary>
internal static class Bip340SelfTest
{
    private static readonly byte[] SecretKey = Convert.FromHexString("B7E151628AED2A6ABF7158809CF4F3C762E7160F38B4DA56A784D9045190CFEF");
    private static readonly byte[] PublicKey = Convert.FromHexString("DFF1D77F2A671C5F36183726DB2341BE58FEAE1DA2DECED843240F7B502BA659");
    private static readonly byte[] AuxRand = Convert.FromHexString("0000000000000000000000000000000000000000000000000000000000000001");
    private static readonly byte[] Message = Convert.FromHexString("243F6A8885A308D313198A2E03707344A4093822299F31D0082EFA98EC4E6C89");
    private static readonly byte[] Expected = Convert.FromHexString(
        "6896BD60EEAE296DB48A229FF71DFE071BDE413E6D43F917DC8DCF8C78DE33418906D11AC976ABCCB20B091292BFF4EA897EFCB639EA871CFA95F6DE339E4B0A");

    public static bool Passes(ISchnorrBackend backend)
    {
        Span<byte> publicKey = stackalloc byte[32];
        Span<byte> signature = stackalloc byte[64];
        if (!backend.TryGetPublicKey(SecretKey, publicKey) || !publicKey.SequenceEqual(PublicKey)
            || !backend.TrySign(SecretKey, Message, AuxRand, signature) || !signature.SequenceEqual(Expected)
            || !backend.Verify(Expected, Message, PublicKey))
        {
            return false;
        }

        signature[63] ^= 1;
        return !backend.Verify(signature, Message, PublicKey);
    }
}
