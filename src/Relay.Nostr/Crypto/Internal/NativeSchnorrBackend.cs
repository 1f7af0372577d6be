using System.Security.Cryptography;
using Relay.Nostr.Events;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// BIP-340 through libsecp256k1. One context for the whole process, randomised once at creation (the
/// library's side-channel blinding for signing); afterwards every call takes it as <c>const</c>, which the
/// library documents as safe from many threads. The context is never destroyed: it lives as long as the
/// process.
/// </summary>
internal sealed unsafe class NativeSchnorrBackend : ISchnorrBackend
{
    private readonly nint _context;
    private readonly ParsedPublicKeyCache _parsedKeys = new();

    private NativeSchnorrBackend(nint context, string libraryFile)
    {
        _context = context;
        Description = $"libsecp256k1 ({libraryFile})";
    }

    public SchnorrBackendKind Kind => SchnorrBackendKind.Native;

    public string Description { get; }

    /// <summary>Loads the library, creates the shared context and checks it against a BIP-340 vector.</summary>
    public static NativeSchnorrBackend? TryCreate(IReadOnlyList<string> candidates, out string? failure)
    {
        var libraryFile = Secp256k1Library.TryLoad(candidates, out failure);
        if (libraryFile is null)
        {
            return null;
        }

        var context = Secp256k1Interop.ContextCreate(Secp256k1Interop.ContextVerifyAndSign);
        if (context == 0)
        {
            failure = "secp256k1_context_create returned NULL";
            return null;
        }

        Span<byte> seed = stackalloc byte[32];
        RandomNumberGenerator.Fill(seed);
        fixed (byte* seedPtr = seed)
        {
            if (Secp256k1Interop.ContextRandomize(context, seedPtr) != 1)
            {
                failure = "secp256k1_context_randomize failed";
                return null;
            }
        }

        var backend = new NativeSchnorrBackend(context, libraryFile);
        if (!Bip340SelfTest.Passes(backend))
        {
            failure = $"{libraryFile} loaded but failed a BIP-340 test vector";
            return null;
        }

        return backend;
    }

    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != 64 || publicKey.Length != 32)
        {
            return false;
        }

        var parsedKey = ParsePublicKey(publicKey);
        if (parsedKey is null)
        {
            return false;
        }

        fixed (byte* sigPtr = signature)
        fixed (byte* messagePtr = message)
        fixed (byte* keyPtr = parsedKey)
        {
            return Secp256k1Interop.SchnorrSigVerify(_context, sigPtr, messagePtr, (nuint)message.Length, keyPtr) == 1;
        }
    }

    /// <summary>The parsed key from the cache, or parsed now; null when it is not an x coordinate on the curve.</summary>
    private byte[]? ParsePublicKey(ReadOnlySpan<byte> publicKey)
    {
        var key = new PublicKey(publicKey);
        var parsed = _parsedKeys.TryGet(key);
        if (parsed is not null)
        {
            return parsed;
        }

        parsed = new byte[Secp256k1Interop.XOnlyPubKeySize];
        fixed (byte* parsedPtr = parsed)
        fixed (byte* keyPtr = publicKey)
        {
            // xonly_pubkey_parse fails for x ≥ p and for x not on the curve (BIP-340 lift_x).
            if (Secp256k1Interop.XOnlyPubKeyParse(_context, parsedPtr, keyPtr) != 1)
            {
                return null;
            }
        }

        _parsedKeys.Add(key, parsed);
        return parsed;
    }

    public bool TrySign(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> auxRand, Span<byte> signature)
    {
        if (secretKey.Length != 32 || auxRand.Length != 32 || signature.Length < 64)
        {
            return false;
        }

        byte* keyPair = stackalloc byte[Secp256k1Interop.KeyPairSize];
        try
        {
            fixed (byte* secretPtr = secretKey)
            fixed (byte* messagePtr = message)
            fixed (byte* auxPtr = auxRand)
            fixed (byte* sigPtr = signature)
            {
                if (Secp256k1Interop.KeyPairCreate(_context, keyPair, secretPtr) != 1)
                {
                    return false;
                }

                if (message.Length == 32)
                {
                    return Secp256k1Interop.SchnorrSigSign32(_context, sigPtr, messagePtr, keyPair, auxPtr) == 1;
                }

                // Other lengths (BIP-340 allows them; Nostr never signs them) go through sign_custom.
                Secp256k1Interop.ExtraParams extra = default;
                extra.Magic[0] = 0xda;
                extra.Magic[1] = 0x6f;
                extra.Magic[2] = 0xb3;
                extra.Magic[3] = 0x8c;
                extra.NonceData = (nint)auxPtr;
                return Secp256k1Interop.SchnorrSigSignCustom(_context, sigPtr, messagePtr, (nuint)message.Length, keyPair, &extra) == 1;
            }
        }
        finally
        {
            // The keypair holds the secret key.
            new Span<byte>(keyPair, Secp256k1Interop.KeyPairSize).Clear();
        }
    }

    public bool TryGetPublicKey(ReadOnlySpan<byte> secretKey, Span<byte> publicKey)
    {
        if (secretKey.Length != 32 || publicKey.Length < 32)
        {
            return false;
        }

        byte* keyPair = stackalloc byte[Secp256k1Interop.KeyPairSize];
        byte* xOnly = stackalloc byte[Secp256k1Interop.XOnlyPubKeySize];
        try
        {
            fixed (byte* secretPtr = secretKey)
            fixed (byte* outPtr = publicKey)
            {
                return Secp256k1Interop.KeyPairCreate(_context, keyPair, secretPtr) == 1
                    && Secp256k1Interop.KeyPairXOnlyPub(_context, xOnly, null, keyPair) == 1
                    && Secp256k1Interop.XOnlyPubKeySerialize(_context, outPtr, xOnly) == 1;
            }
        }
        finally
        {
            new Span<byte>(keyPair, Secp256k1Interop.KeyPairSize).Clear();
        }
    }
}
