namespace Relay.Nostr.Crypto;

/// <summary>Which BIP-340 implementation the relay asks for at startup.</summary>
public enum SchnorrPreference
{
    /// <summary>libsecp256k1 when it loads, otherwise the managed implementation with a warning.</summary>
    Auto,

    /// <summary>The managed implementation, even when libsecp256k1 is installed (tests, diagnosis).</summary>
    Managed,
}
