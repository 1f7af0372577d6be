using Relay.Nostr.Crypto.Internal;

namespace Relay.Nostr.Crypto;

/// <summary>
/// The BIP-340 implementations and the startup choice between them. libsecp256k1 is loaded once, on first
/// use; when it cannot be loaded the relay still runs on the managed implementation and logs
/// <see cref="SchnorrSelection.Warning"/>, which names the Debian package that brings full speed.
/// </summary>
/// <remarks>Thread-safe; the native probe runs once per process.</remarks>
public static class SchnorrBackends
{
    /// <summary>The Debian package that provides <c>libsecp256k1.so.1</c>.</summary>
    public const string NativePackage = "libsecp256k1-1";

    private static readonly Lazy<(ISchnorrBackend? Backend, string? Failure)> NativeProbe = new(() =>
    {
        var backend = NativeSchnorrBackend.TryCreate(Secp256k1Library.DefaultCandidates, out var failure);
        return (backend, failure);
    });

    /// <summary>The managed implementation, always available.</summary>
    public static ISchnorrBackend Managed => ManagedSchnorrBackend.Instance;

    /// <summary>libsecp256k1, or null when it cannot be loaded (see <see cref="NativeUnavailableReason"/>).</summary>
    public static ISchnorrBackend? Native => NativeProbe.Value.Backend;

    /// <summary>Why <see cref="Native"/> is null; null when it loaded.</summary>
    public static string? NativeUnavailableReason => NativeProbe.Value.Failure;

    /// <summary>The fastest implementation available: <see cref="Native"/> if it loaded, else <see cref="Managed"/>.</summary>
    public static ISchnorrBackend Default => Native ?? Managed;

    /// <summary>Chooses the implementation for the relay at startup.</summary>
    public static SchnorrSelection Select(SchnorrPreference preference) =>
        preference == SchnorrPreference.Managed
            ? Select(preference, null, null)
            : Select(preference, Native, NativeUnavailableReason);

    /// <summary>The decision itself, separated from the probe so it can be tested with a missing library.</summary>
    internal static SchnorrSelection Select(SchnorrPreference preference, ISchnorrBackend? native, string? nativeFailure)
    {
        if (preference == SchnorrPreference.Managed)
        {
            return new SchnorrSelection(Managed, null);
        }

        if (native is not null)
        {
            return new SchnorrSelection(native, null);
        }

        return new SchnorrSelection(
            Managed,
            $"libsecp256k1 could not be loaded ({nativeFailure}); verifying signatures with the managed BIP-340 " +
            $"implementation, about ten times slower. Install the Debian package {NativePackage} " +
            $"(apt-get install {NativePackage}) for full speed.");
    }
}
