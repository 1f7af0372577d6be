namespace Relay.Nostr.Crypto;

/// <summary>The implementation chosen at startup, and a warning for the log when it is not the fast one.</summary>
/// <param name="Backend">The implementation to use.</param>
/// <param name="Warning">
/// Set when libsecp256k1 was wanted but could not be loaded: says why and names the Debian package to install.
/// </param>
public sealed record SchnorrSelection(ISchnorrBackend Backend, string? Warning);
