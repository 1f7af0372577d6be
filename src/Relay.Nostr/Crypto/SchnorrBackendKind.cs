namespace Relay.Nostr.Crypto;

/// <summary>Which BIP-340 implementation a backend is.</summary>
public enum SchnorrBackendKind
{
    /// <summary>libsecp256k1 through P/Invoke (Debian package <c>libsecp256k1-1</c>): the fast path.</summary>
    Native,

    /// <summary>BIP-340 written in C# over Portable.BouncyCastle's curve arithmetic: roughly ten times slower.</summary>
    Managed,
}
