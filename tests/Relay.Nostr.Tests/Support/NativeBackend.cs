using Relay.Nostr.Crypto;

namespace Relay.Nostr.Tests.Support;

/// <summary>The libsecp256k1 backend, which the test machine must have (scripts/install-test-deps.sh installs it).</summary>
internal static class NativeBackend
{
    public static ISchnorrBackend Required =>
        SchnorrBackends.Native
        ?? throw new InvalidOperationException(
            $"libsecp256k1 could not be loaded ({SchnorrBackends.NativeUnavailableReason}). Install the Debian package " +
            $"{SchnorrBackends.NativePackage} (./scripts/install-test-deps.sh does).");
}
