using System.Runtime.InteropServices;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// The libsecp256k1 functions we call (headers <c>secp256k1.h</c>, <c>secp256k1_extrakeys.h</c>,
/// <c>secp256k1_schnorrsig.h</c> of 0.2.0). Opaque structs are passed as byte buffers of their documented
/// sizes. <see cref="Secp256k1Library"/> resolves <see cref="LibraryName"/> before any call.
/// </summary>
internal static unsafe partial class Secp256k1Interop
{
    public const string LibraryName = "secp256k1";

    /// <summary><c>SECP256K1_CONTEXT_VERIFY | SECP256K1_CONTEXT_SIGN</c>: what 0.1 needed, and still accepted (ignored) by 0.2.</summary>
    public const uint ContextVerifyAndSign = (1u << 0) | (1u << 8) | (1u << 9);

    /// <summary><c>sizeof(secp256k1_xonly_pubkey)</c>.</summary>
    public const int XOnlyPubKeySize = 64;

    /// <summary><c>sizeof(secp256k1_keypair)</c>.</summary>
    public const int KeyPairSize = 96;

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_create")]
    public static partial nint ContextCreate(uint flags);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_context_randomize")]
    public static partial int ContextRandomize(nint context, byte* seed32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_xonly_pubkey_parse")]
    public static partial int XOnlyPubKeyParse(nint context, byte* pubKey, byte* input32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_xonly_pubkey_serialize")]
    public static partial int XOnlyPubKeySerialize(nint context, byte* output32, byte* pubKey);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_keypair_create")]
    public static partial int KeyPairCreate(nint context, byte* keyPair, byte* secretKey32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_keypair_xonly_pub")]
    public static partial int KeyPairXOnlyPub(nint context, byte* pubKey, int* parity, byte* keyPair);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_schnorrsig_verify")]
    public static partial int SchnorrSigVerify(nint context, byte* signature64, byte* message, nuint messageLength, byte* pubKey);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_schnorrsig_sign32")]
    public static partial int SchnorrSigSign32(nint context, byte* signature64, byte* message32, byte* keyPair, byte* auxRand32);

    [LibraryImport(LibraryName, EntryPoint = "secp256k1_schnorrsig_sign_custom")]
    public static partial int SchnorrSigSignCustom(
        nint context, byte* signature64, byte* message, nuint messageLength, byte* keyPair, ExtraParams* extraParams);

    /// <summary>
    /// <c>secp256k1_schnorrsig_extraparams</c>: magic <c>{ 0xda, 0x6f, 0xb3, 0x8c }</c>, nonce function
    /// (null: the BIP-340 default), and its data (the 32 bytes of auxiliary randomness).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ExtraParams
    {
        public fixed byte Magic[4];
        public nint NonceFunction;
        public nint NonceData;
    }
}
