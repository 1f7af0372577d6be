using System.Reflection;
using System.Runtime.InteropServices;

namespace Relay.Nostr.Crypto.Internal;

/// <summary>
/// Finds libsecp256k1 and serves it to <see cref="Secp256k1Interop"/>'s imports through a
/// <see cref="NativeLibrary"/> resolver. Tried in order: Debian's <c>libsecp256k1.so.1</c> (package
/// <c>libsecp256k1-1</c>, 0.2.0), the development symlink <c>libsecp256k1.so</c>, then the bare name for
/// other platforms. A library is accepted only if it exports <c>secp256k1_schnorrsig_sign32</c>: that
/// symbol arrived (0.2.0) together with the message-length parameter of <c>secp256k1_schnorrsig_verify</c>,
/// so an older build, whose verify takes three pointers, is never called with four arguments.
/// </summary>
internal static class Secp256k1Library
{
    public static readonly string[] DefaultCandidates = ["libsecp256k1.so.1", "libsecp256k1.so", "secp256k1"];

    private const string RequiredExport = "secp256k1_schnorrsig_sign32";

    private static readonly Lock Gate = new();
    private static nint s_handle;
    private static bool s_resolverSet;

    /// <summary>Loads the first usable candidate and registers the resolver (once per process).</summary>
    /// <returns>The file name that was loaded, or null with <paramref name="failure"/> saying why.</returns>
    public static string? TryLoad(IReadOnlyList<string> candidates, out string? failure)
    {
        lock (Gate)
        {
            var reasons = new List<string>();
            foreach (var candidate in candidates)
            {
                if (!NativeLibrary.TryLoad(candidate, typeof(Secp256k1Library).Assembly, DllImportSearchPath.SafeDirectories, out var handle))
                {
                    reasons.Add($"{candidate}: not found");
                    continue;
                }

                if (!NativeLibrary.TryGetExport(handle, RequiredExport, out _))
                {
                    reasons.Add($"{candidate}: no {RequiredExport} (older than 0.2.0, or built without the schnorrsig module)");
                    NativeLibrary.Free(handle);
                    continue;
                }

                if (s_handle == 0)
                {
                    s_handle = handle;
                }

                if (!s_resolverSet)
                {
                    NativeLibrary.SetDllImportResolver(typeof(Secp256k1Library).Assembly, Resolve);
                    s_resolverSet = true;
                }

                failure = null;
                return candidate;
            }

            failure = string.Join("; ", reasons);
            return null;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Secp256k1Interop.LibraryName ? s_handle : 0;
}
